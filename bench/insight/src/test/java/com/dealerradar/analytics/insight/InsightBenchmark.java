package com.dealerradar.analytics.insight;

import com.dealerradar.analytics.generation.application.ReadModels;
import com.dealerradar.analytics.insight.GroupGenerator.DataSet;
import com.dealerradar.analytics.insight.GroupGenerator.Gap;
import com.dealerradar.analytics.query.application.Cohort;
import com.dealerradar.analytics.query.application.MissedProspectsQuery;
import com.dealerradar.analytics.query.application.MissedProspectsQuery.Item;
import com.dealerradar.events.EventEnvelope;
import com.dealerradar.events.EventJson;
import com.dealerradar.events.EventTypes;
import com.dealerradar.events.directory.DealerRegistered;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.Role;
import com.dealerradar.testkit.RadarInfrastructure;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import reactor.core.publisher.Flux;

/**
 * Measures the missed-prospect radar against generated groups whose truth is known
 * ({@link GroupGenerator}). Each data set is a year of its own (2001, 2002, …), so that one store holds
 * them all and a query of that year sees only that set. Every lead goes in as the events the write side
 * publishes (capture, deal) through {@link ReadModels#applyLeadEvent}, what the Kafka listener calls,
 * and the live generation's cells are recomputed by its refresher; the findings are read through {@link MissedProspectsQuery},
 * the endpoint's own code. Only Kafka and HTTP are skipped.
 *
 * <p>Measured: recall@10 (a planted gap is among its region's first 10 findings), by the power of the
 * exact test at that gap's size, at two levels ({@link ExactTestPower}); the share of those found with
 * the right kind;
 * precision over every finding of the planted sets; the share of regions with any finding on null sets.
 */
@SpringBootTest(properties = "radar.analytics.flush-timeout=30m")
@RadarInfrastructure
class InsightBenchmark {

    private static final Caller HQ = new Caller("insight-bench", Role.HQ, null, null);
    private static final int CONCURRENCY = 8;
    private static final int LIMIT = 10;

    @Autowired
    ReadModels readModels;
    @Autowired
    MissedProspectsQuery missedProspects;

    /** {@code power}: of the exact test at 0.05 alone; {@code regionPower}: at the level a region's null flag rate allows. */
    private record Outcome(Gap gap, double power, double regionPower, boolean recalled, boolean rightKind) {}

    @Test
    void missedProspectRadarAgainstPlantedGapsAndNullGroups() {
        long seed = Long.getLong("insight.seed", 14);
        int planted = Integer.getInteger("insight.planted", 12);
        int nulls = Integer.getInteger("insight.nulls", 6);
        registerDealers();
        GroupGenerator generator = new GroupGenerator(seed);
        List<Outcome> outcomes = new ArrayList<>();
        long findings = 0, trueFindings = 0, nullRegions = 0, nullFlagged = 0, events = 0;
        long started = System.nanoTime();
        for (int index = 0; index < planted + nulls; index++) {
            DataSet set = generator.dataSet(index, index < planted);
            events += load(set);
            for (int region = 0; region < GroupGenerator.REGIONS.size(); region++) {
                List<Item> items = find(set, region);
                if (set.planted()) {
                    int r = region;
                    List<Gap> truth = set.gaps().stream().filter(g -> g.region() == r).toList();
                    findings += items.size();
                    trueFindings += items.stream().filter(i -> truth.stream()
                            .anyMatch(g -> g.industry().name().equals(i.value()))).count();
                    for (Gap gap : truth) {
                        Item hit = items.stream().filter(i -> i.value().equals(gap.industry().name())).findFirst()
                                .orElse(null);
                        outcomes.add(new Outcome(gap, ExactTestPower.of(gap, seed + index, ExactTestPower.SINGLE_TEST),
                                ExactTestPower.of(gap, seed + index, ExactTestPower.PER_REGION), hit != null,
                                hit != null && hit.kind() == gap.kind()));
                    }
                } else {
                    nullRegions++;
                    nullFlagged += items.isEmpty() ? 0 : 1;
                }
            }
            System.out.printf("INSIGHT   data set %d (%s): loaded and judged, %,d events so far, %.0f s%n", index,
                    set.planted() ? "planted" : "null", events, (System.nanoTime() - started) / 1e9);
        }
        outcomes.forEach(o -> System.out.printf("INSIGHT   gap %-9s %-11s %-16s factor %.2f  power %.2f / %.2f  %s%n",
                GroupGenerator.REGIONS.get(o.gap().region()), o.gap().kind(), o.gap().industry().name(),
                o.gap().factor(), o.power(), o.regionPower(),
                o.recalled() ? (o.rightKind() ? "found" : "found, other kind") : "missed"));
        report(outcomes, findings, trueFindings, nullRegions, nullFlagged, planted, nulls, events, started);
    }

    private static void report(List<Outcome> outcomes, long findings, long trueFindings, long nullRegions,
            long nullFlagged, int planted, int nulls, long events, long started) {
        System.out.printf("INSIGHT %d planted data sets (%d gaps), %d null data sets, %,d events through the intake, "
                + "%.0f s%n", planted, outcomes.size(), nulls, events, (System.nanoTime() - started) / 1e9);
        table(outcomes, "exact-test power at 0.05", Outcome::power);
        table(outcomes, String.format("exact-test power at %.5f", ExactTestPower.PER_REGION), Outcome::regionPower);
        System.out.printf("INSIGHT precision: %d of %d findings in planted sets are planted gaps (%.3f)%n",
                trueFindings, findings, findings == 0 ? Double.NaN : (double) trueFindings / findings);
        System.out.printf("INSIGHT null data: %d of %d regions flagged (%.3f)%n", nullFlagged, nullRegions,
                (double) nullFlagged / nullRegions);
    }

    private static void table(List<Outcome> outcomes, String title, ToDoubleFunction<Outcome> power) {
        System.out.printf("INSIGHT %-28s %6s %10s %10s %12s%n", title, "gaps", "recall@10", "right kind", "mean power");
        bucket(outcomes, power, "≥ 0.9", 0.9, 1.01);
        bucket(outcomes, power, "0.5 – 0.9", 0.5, 0.9);
        bucket(outcomes, power, "< 0.5", 0, 0.5);
        bucket(outcomes, power, "all", 0, 1.01);
    }

    private static void bucket(List<Outcome> outcomes, ToDoubleFunction<Outcome> power, String name, double low,
            double high) {
        List<Outcome> in = outcomes.stream()
                .filter(o -> power.applyAsDouble(o) >= low && power.applyAsDouble(o) < high).toList();
        if (in.isEmpty()) {
            System.out.printf("INSIGHT %-28s %6d %10s %10s %12s%n", name, 0, "-", "-", "-");
            return;
        }
        long recalled = in.stream().filter(Outcome::recalled).count();
        long rightKind = in.stream().filter(Outcome::rightKind).count();
        System.out.printf("INSIGHT %-28s %6d %10.3f %10.3f %12.3f%n", name, in.size(), (double) recalled / in.size(),
                recalled == 0 ? Double.NaN : (double) rightKind / recalled,
                in.stream().mapToDouble(power).average().orElse(0));
    }

    private List<Item> find(DataSet set, int region) {
        Cohort year = new Cohort(LocalDate.of(set.year(), 1, 1), LocalDate.of(set.year(), 12, 31));
        return missedProspects.find(HQ, GroupGenerator.REGIONS.get(region), "industry", year, LIMIT)
                .block(Duration.ofMinutes(5)).items();
    }

    /** Applies the set's leads through the intake, then flushes the cells as the listener's debounce does. */
    private long load(DataSet set) {
        List<List<EventEnvelope>> leads = new LeadEvents(set).all();
        Flux.fromIterable(leads)
                .flatMap(lead -> Flux.fromIterable(lead).concatMap(readModels::applyLeadEvent).then(), CONCURRENCY)
                .then().block(Duration.ofMinutes(30));
        readModels.active().flushAll(Duration.ofMinutes(30));
        return leads.stream().mapToLong(List::size).sum();
    }

    private void registerDealers() {
        for (String region : GroupGenerator.REGIONS) {
            String dealerId = LeadEvents.dealerId(region);
            readModels.applyDirectory(new EventEnvelope(UUID.randomUUID().toString(), "/directory",
                    EventTypes.DEALER_REGISTERED, dealerId, OffsetDateTime.now(), dealerId, region, 1,
                    EventJson.write(new DealerRegistered(dealerId, dealerId, region, "Changan")))).block();
        }
    }
}
