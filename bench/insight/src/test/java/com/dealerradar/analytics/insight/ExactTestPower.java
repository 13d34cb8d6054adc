package com.dealerradar.analytics.insight;

import com.dealerradar.analytics.insight.GroupGenerator.Gap;
import com.dealerradar.analytics.query.domain.ExactTails;
import com.dealerradar.analytics.query.domain.ProspectKind;
import java.util.Random;

/**
 * The best a test could do for one planted gap at its sample size: the power of the one-sided exact
 * test of the gap's kind at a given level, told where to look. At {@link #SINGLE_TEST} no other cell
 * is tested (the yardstick); at {@link #PER_REGION} the level is what a region's 24 industries
 * × 2 kinds allow if at most 5 % of null regions may show anything (Bonferroni, 0.05 / 48). Estimated
 * by drawing the industry's counts in every region {@link #DRAWS} times from the generator's rates.
 * UNTOUCHED: the region's leads among the industry's, Binomial with the region's share of traffic;
 * UNCONVERTED: the region's deals among its leads against the peers', Fisher's exact test.
 */
final class ExactTestPower {

    static final double SINGLE_TEST = 0.05;
    static final double PER_REGION = 0.05 / (GroupGenerator.INDUSTRIES.size() * 2);
    static final int DRAWS = 400;

    private ExactTestPower() {}

    static double of(Gap gap, long seed, double alpha) {
        Random random = new Random(seed);
        double[] sizes = GroupGenerator.SIZES;
        double totalSize = 0;
        for (double s : sizes) {
            totalSize += s;
        }
        double leadsPerSize = GroupGenerator.INDIVIDUALS_PER_SIZE
                + GroupGenerator.INDUSTRIES.stream().mapToDouble(GroupGenerator.Industry::leadsPerSize).sum();
        double missing = gap.kind() == ProspectKind.UNTOUCHED
                ? sizes[gap.region()] * gap.industry().leadsPerSize() * (1 - gap.factor()) : 0;
        double share = (sizes[gap.region()] * leadsPerSize - missing) / (totalSize * leadsPerSize - missing);
        int detected = 0;
        for (int draw = 0; draw < DRAWS; draw++) {
            long hereLeads = 0, hereWon = 0, peerLeads = 0, peerWon = 0;
            for (int region = 0; region < sizes.length; region++) {
                boolean here = region == gap.region();
                double leadFactor = here && gap.kind() == ProspectKind.UNTOUCHED ? gap.factor() : 1;
                double conversionFactor = here && gap.kind() == ProspectKind.UNCONVERTED ? gap.factor() : 1;
                int leads = GroupGenerator.poisson(random, sizes[region] * gap.industry().leadsPerSize() * leadFactor);
                int won = GroupGenerator.binomial(random, leads, gap.industry().conversion() * conversionFactor);
                if (here) {
                    hereLeads = leads;
                    hereWon = won;
                } else {
                    peerLeads += leads;
                    peerWon += won;
                }
            }
            double p = gap.kind() == ProspectKind.UNTOUCHED
                    ? ExactTails.binomialAtMost(hereLeads, hereLeads + peerLeads, share)
                    : hereLeads == 0 ? 1
                    : ExactTails.hypergeometricAtMost(hereWon, hereLeads + peerLeads, hereWon + peerWon, hereLeads);
            detected += p <= alpha ? 1 : 0;
        }
        return (double) detected / DRAWS;
    }
}
