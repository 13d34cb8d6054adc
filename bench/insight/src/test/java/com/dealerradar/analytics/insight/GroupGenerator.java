package com.dealerradar.analytics.insight;

import com.dealerradar.analytics.query.domain.ProspectKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded dealer groups with known truth: 12 regions of different sizes, 24 industries with different
 * inquiry rates and conversion rates, and (in a planted data set) a few gaps of controlled size, each
 * in its own region: an industry the region hears from at a fraction of its size's share, none at all
 * (行业空白), or one it hears from but converts at a fraction of the peers' rate. A null data set has
 * no gap: every region draws from the same rates.
 */
final class GroupGenerator {

    static final List<String> REGIONS = List.of("Hohhot", "Baotou", "Ordos", "Chifeng", "Tongliao", "Ulanqab",
            "Hinggan", "Hulunbuir", "Bayannur", "Wuhai", "Xilingol", "Alxa");
    /** Relative sizes: the largest region is five times the smallest. */
    static final double[] SIZES = {2.0, 1.6, 1.4, 1.2, 1.0, 1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
    /** Individual buyers per unit of size and year: they only make a region's traffic. */
    static final double INDIVIDUALS_PER_SIZE = 120;

    record Industry(String name, double leadsPerSize, double conversion) {}

    /** From the sparse institutional buyers the seed is about to the common fleet buyers. */
    static final List<Industry> INDUSTRIES = List.of(
            new Industry("JUSTICE", 6, 0.45), new Industry("PUBLIC_SECURITY", 9, 0.40),
            new Industry("POWER_UTILITY", 8, 0.50), new Industry("MINING_ENERGY", 14, 0.35),
            new Industry("GOVERNMENT", 16, 0.30), new Industry("EDUCATION", 12, 0.25),
            new Industry("HEALTHCARE", 10, 0.30), new Industry("FINANCE", 11, 0.20),
            new Industry("TELECOM", 7, 0.35), new Industry("LOGISTICS", 30, 0.25),
            new Industry("CONSTRUCTION", 24, 0.20), new Industry("MANUFACTURING", 18, 0.22),
            new Industry("AGRICULTURE", 20, 0.18), new Industry("TRANSPORT", 22, 0.28),
            new Industry("RETAIL", 26, 0.15), new Industry("OTHER", 15, 0.15),
            new Industry("WATER_UTILITY", 5, 0.45), new Industry("GAS_UTILITY", 5, 0.40),
            new Industry("FORESTRY", 4, 0.35), new Industry("TOURISM", 9, 0.20),
            new Industry("MEDIA", 3, 0.25), new Industry("EMERGENCY", 4, 0.50),
            new Industry("SPORTS", 3, 0.20), new Industry("ENVIRONMENT", 6, 0.30));

    /** A planted gap: region {@code region}'s leads (UNTOUCHED) or conversion (UNCONVERTED) for the industry times {@code factor}. */
    record Gap(int region, Industry industry, ProspectKind kind, double factor) {}

    /** A region's leads and deals for an industry (null for individual buyers). */
    record Cell(int region, String industry, int leads, int won) {}

    record DataSet(int index, int year, boolean planted, List<Gap> gaps, List<Cell> cells) {}

    static final int GAPS_PER_SET = 4;
    private static final double[] UNTOUCHED_FACTORS = {0, 0, 0.25};
    private static final double[] UNCONVERTED_FACTORS = {0, 0.2};

    private final long seed;

    GroupGenerator(long seed) {
        this.seed = seed;
    }

    DataSet dataSet(int index, boolean planted) {
        Random random = new Random(seed * 1_000_003L + index);
        List<Gap> gaps = planted ? gaps(random) : List.of();
        List<Cell> cells = new ArrayList<>();
        for (int region = 0; region < REGIONS.size(); region++) {
            cells.add(new Cell(region, null, poisson(random, SIZES[region] * INDIVIDUALS_PER_SIZE), 0));
            for (Industry industry : INDUSTRIES) {
                double leadFactor = factor(gaps, region, industry, ProspectKind.UNTOUCHED);
                double conversionFactor = factor(gaps, region, industry, ProspectKind.UNCONVERTED);
                int leads = poisson(random, SIZES[region] * industry.leadsPerSize() * leadFactor);
                cells.add(new Cell(region, industry.name(), leads,
                        binomial(random, leads, industry.conversion() * conversionFactor)));
            }
        }
        return new DataSet(index, 2001 + index, planted, gaps, cells);
    }

    private static List<Gap> gaps(Random random) {
        List<Gap> gaps = new ArrayList<>();
        Set<Integer> regions = new HashSet<>();
        Set<String> industries = new HashSet<>();
        while (gaps.size() < GAPS_PER_SET) {
            int region = random.nextInt(REGIONS.size());
            Industry industry = INDUSTRIES.get(random.nextInt(INDUSTRIES.size()));
            if (!regions.add(region) || !industries.add(industry.name())) {
                continue;
            }
            boolean untouched = random.nextBoolean();
            double[] factors = untouched ? UNTOUCHED_FACTORS : UNCONVERTED_FACTORS;
            gaps.add(new Gap(region, industry, untouched ? ProspectKind.UNTOUCHED : ProspectKind.UNCONVERTED,
                    factors[random.nextInt(factors.length)]));
        }
        return gaps;
    }

    private static double factor(List<Gap> gaps, int region, Industry industry, ProspectKind kind) {
        return gaps.stream().filter(g -> g.region() == region && g.industry().equals(industry) && g.kind() == kind)
                .mapToDouble(Gap::factor).findFirst().orElse(1);
    }

    static int poisson(Random random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 500) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean), product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    static int binomial(Random random, int n, double p) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            k += random.nextDouble() < p ? 1 : 0;
        }
        return k;
    }
}
