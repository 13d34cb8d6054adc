package com.dealerradar.analytics.query.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the missed prospects of every region of a group at once, with the false discoveries controlled
 * across all region × value cells (docs/missed-prospects.md gives the reasons and the benchmark).
 *
 * <p>Two exact conditional tests per region R and value V, one per {@link ProspectKind}:
 * <ul>
 *   <li>{@link ProspectKind#UNTOUCHED}: of the group's leads for V, R's count is Binomial(n, T_R / T)
 *       under the null (T = traffic: R's, and the whole group's); the lower tail is the p-value.</li>
 *   <li>{@link ProspectKind#UNCONVERTED}: R's deals among R's leads for V against the peers' deals among
 *       theirs, the one-sided Fisher exact test (hypergeometric lower tail).</li>
 * </ul>
 * A cell is tested only when at least {@link #MIN_PEER_REGIONS} peer regions show the activity (leads,
 * or deals): one region's success alone is no pattern. A test whose smallest attainable p-value is
 * above the level can never be a discovery, so it does not count in the number of tests (Tarone); a
 * cell where R does at least as well as its peers counts (p = 1) but is never a discovery. Benjamini–Hochberg at
 * {@link #FALSE_DISCOVERY_RATE} then picks the discoveries among all the group's cells.
 */
public final class ProspectRadar {

    public static final double FALSE_DISCOVERY_RATE = 0.1;
    public static final int MIN_PEER_REGIONS = 2;

    private ProspectRadar() {}

    /** A region's leads and deals for one value. */
    public record Counts(long leads, long won) {}

    /**
     * One discovery. {@code expectedLeads}: R's traffic × the peers' leads for V / the peers' traffic;
     * {@code expectedWon}: for UNTOUCHED the same with the peers' deals, for UNCONVERTED R's leads for V
     * × the peers' conversion of V. {@code qValue} is the Benjamini–Hochberg adjusted p-value.
     */
    public record Finding(String region, String value, ProspectKind kind, double expectedLeads, double expectedWon,
            double pValue, double qValue) {

        public double score() {
            return -Math.log10(Math.max(pValue, Double.MIN_VALUE));
        }
    }

    private record Test(String region, String value, ProspectKind kind, double expectedLeads, double expectedWon,
            double pValue) {}

    /**
     * @param trafficByRegion every region's valid leads
     * @param byValue         for each value, its counts in each region that has leads for it
     * @return the discoveries of every region, at most one per region and value (the stronger kind),
     *         strongest first
     */
    public static List<Finding> find(Map<String, Long> trafficByRegion, Map<String, Map<String, Counts>> byValue) {
        long groupTraffic = trafficByRegion.values().stream().mapToLong(Long::longValue).sum();
        List<Test> tests = new ArrayList<>();
        byValue.forEach((value, byRegion) -> trafficByRegion.forEach((region, traffic) -> {
            Counts here = byRegion.getOrDefault(region, new Counts(0, 0));
            Counts peers = peers(byRegion, region);
            long peerRegionsWithLeads = byRegion.entrySet().stream()
                    .filter(e -> !e.getKey().equals(region) && e.getValue().leads() > 0).count();
            long peerRegionsWithDeals = byRegion.entrySet().stream()
                    .filter(e -> !e.getKey().equals(region) && e.getValue().won() > 0).count();
            long peerTraffic = groupTraffic - traffic;
            if (traffic == 0 || peerTraffic == 0) {
                return;
            }
            double expectedLeads = traffic * (double) peers.leads() / peerTraffic;
            if (peerRegionsWithLeads >= MIN_PEER_REGIONS) {
                untouched(region, value, traffic, groupTraffic, here, peers, expectedLeads, peerTraffic)
                        .ifPresent(tests::add);
            }
            if (peerRegionsWithDeals >= MIN_PEER_REGIONS && here.leads() > 0) {
                unconverted(region, value, here, peers, expectedLeads).ifPresent(tests::add);
            }
        }));
        return discoveries(tests);
    }

    private static Optional<Test> untouched(String region, String value, long traffic, long groupTraffic,
            Counts here, Counts peers, double expectedLeads, long peerTraffic) {
        long n = here.leads() + peers.leads();
        double share = (double) traffic / groupTraffic;
        double smallest = ExactTails.binomialAtMost(0, n, share);
        if (smallest > FALSE_DISCOVERY_RATE) {
            return Optional.empty();
        }
        double p = here.leads() >= n * share ? 1 : ExactTails.binomialAtMost(here.leads(), n, share);
        return Optional.of(new Test(region, value, ProspectKind.UNTOUCHED, expectedLeads,
                traffic * (double) peers.won() / peerTraffic, p));
    }

    private static Optional<Test> unconverted(String region, String value, Counts here, Counts peers,
            double expectedLeads) {
        long population = here.leads() + peers.leads();
        long successes = here.won() + peers.won();
        long lowest = ExactTails.hypergeometricLowest(population, successes, here.leads());
        double smallest = ExactTails.hypergeometricAtMost(lowest, population, successes, here.leads());
        if (smallest > FALSE_DISCOVERY_RATE) {
            return Optional.empty();
        }
        double peerRate = (double) peers.won() / peers.leads();
        double p = here.won() >= here.leads() * peerRate ? 1
                : ExactTails.hypergeometricAtMost(here.won(), population, successes, here.leads());
        return Optional.of(new Test(region, value, ProspectKind.UNCONVERTED, expectedLeads,
                here.leads() * peerRate, p));
    }

    private static Counts peers(Map<String, Counts> byRegion, String region) {
        long leads = 0, won = 0;
        for (Map.Entry<String, Counts> e : byRegion.entrySet()) {
            if (!e.getKey().equals(region)) {
                leads += e.getValue().leads();
                won += e.getValue().won();
            }
        }
        return new Counts(leads, won);
    }

    /**
     * Benjamini–Hochberg over the counted tests. A test where R does at least as well as its peers has
     * p = 1: it counts in m and is never a discovery.
     */
    private static List<Finding> discoveries(List<Test> tests) {
        int m = tests.size();
        List<Test> sorted = tests.stream().sorted(Comparator.comparingDouble(Test::pValue)).toList();
        double[] q = new double[sorted.size()];
        double running = 1;
        for (int i = sorted.size() - 1; i >= 0; i--) {
            running = Math.min(running, sorted.get(i).pValue() * m / (i + 1));
            q[i] = running;
        }
        Map<String, Finding> strongest = new LinkedHashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            Test t = sorted.get(i);
            if (q[i] <= FALSE_DISCOVERY_RATE) {
                strongest.putIfAbsent(t.region() + "\u001f" + t.value(), new Finding(t.region(), t.value(), t.kind(),
                        t.expectedLeads(), t.expectedWon(), t.pValue(), q[i]));
            }
        }
        return strongest.values().stream()
                .sorted(Comparator.comparingDouble(Finding::pValue).thenComparing(Finding::region)
                        .thenComparing(Finding::value))
                .toList();
    }
}
