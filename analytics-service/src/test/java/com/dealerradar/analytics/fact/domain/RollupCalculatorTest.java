package com.dealerradar.analytics.fact.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollupCalculatorTest {

    private static final GroupKey KEY = new GroupKey("2026-11-02", "D1", "Chifeng", "SHOWROOM", null, "CS75", "wang");
    private static final Instant DUE = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void countsEveryStageAndKeepsInvalidLeadsOutOfTheFunnel() {
        List<LeadFact> facts = List.of(
                lead("a", "WON", true, 30L),
                lead("b", "OPEN", true, 90L),
                lead("c", "OPEN", true, null),
                lead("d", "OPEN", false, 10L),
                lead("e", "INVALID", true, 5L),
                defeat("f", "DEFEATED", "CONFIRMED", List.of("PRICE"), List.of("SALES_EXPERIENCE"), "Geely", null),
                defeat("g", "OPEN", "PENDING_CALLBACK", List.of("PRICE", "STOCK"), List.of(), "BYD", null),
                defeat("h", "OPEN", "REVERSED", List.of("PRICE"), List.of(), "BYD", null),
                defeat("i", "AT_RISK", "CONFIRMED", List.of("BUDGET"), List.of(), null, "D2"));
        Rollup r = RollupCalculator.of(KEY, facts);

        assertThat(r.captured()).isEqualTo(9);
        assertThat(r.invalid()).isEqualTo(1);
        assertThat(r.traffic()).isEqualTo(8);
        assertThat(r.kept()).isEqualTo(7);
        assertThat(r.followed()).as("kept and reached: a, b").isEqualTo(2);
        assertThat(r.reached()).as("a, b, d").isEqualTo(3);
        assertThat(r.responseMinutes()).containsExactlyInAnyOrderEntriesOf(Map.of(10L, 1L, 30L, 1L, 90L, 1L));
        assertThat(r.won()).isEqualTo(1);
        assertThat(r.defeatedConfirmed()).isEqualTo(1);
        assertThat(r.atRisk()).isEqualTo(1);
        assertThat(r.pendingDefeats()).isEqualTo(1);
        assertThat(r.pendingDue().latest()).containsExactlyEntriesOf(Map.of(DUE.toEpochMilli(), 1L));
        assertThat(r.defeatsReported()).isEqualTo(4);
        assertThat(r.byReason()).as("actual reasons where the callback gave some; reversed and same-group left out")
                .containsExactlyInAnyOrderEntriesOf(Map.of("SALES_EXPERIENCE", 1L, "PRICE", 1L, "STOCK", 1L));
        assertThat(r.byCompetitor()).containsExactlyInAnyOrderEntriesOf(Map.of("Geely", 1L, "BYD", 1L));
        assertThat(r.bySameGroupDealer()).containsExactlyInAnyOrderEntriesOf(Map.of("D2", 1L));
        assertThat(r.ratingSums()).containsEntry("reception", 8L);
        assertThat(r.ratingCounts()).containsEntry("reception", 4L);
    }

    @Test
    void aGroupNamesItsOldestOpenLeadsOnlyWhenTheViewKeepsThem() {
        List<LeadFact> facts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            facts.add(new LeadFact("l" + i, i == 0 ? "WON" : "OPEN", true, false,
                    Instant.parse("2026-11-02T02:00:00Z").plusSeconds(60L * (10 - i)), null, null, "Court " + i, 0, 0,
                    0, null, null, null, null, null, null, null, null, "H", null, null, 1, null, null));
        }
        Rollup product = RollupCalculator.of(KEY, facts, 3);
        assertThat(product.openLeads()).extracting(OpenLead::leadId).containsExactly("l7", "l6", "l5");
        assertThat(product.openLeads().get(0)).extracting(OpenLead::dealerId, OpenLead::organization, OpenLead::grade)
                .containsExactly("D1", "Court 7", "H");
        assertThat(RollupCalculator.of(KEY, facts).openLeads()).isEmpty();
    }

    @Test
    void dealsAreCountedByMonthOfTheDealByModelBoughtAndInVehicles() {
        List<LeadFact> facts = List.of(won("w1", "12", "CS75 PLUS", 1), won("w2", "12", "UNI-K", 12),
                won("w3", "03", "CS75 PLUS", 3), lead("o1", "OPEN", true, null));
        Rollup rollup = RollupCalculator.of(KEY, facts);
        assertThat(rollup.wonByMonth()).containsExactlyInAnyOrderEntriesOf(Map.of("03", 1L, "12", 2L));
        assertThat(rollup.wonModels()).containsExactlyInAnyOrderEntriesOf(Map.of("CS75 PLUS", 2L, "UNI-K", 1L));
        assertThat(rollup.won()).isEqualTo(3);
        assertThat(rollup.vehiclesSold()).as("1 + 12 + 3").isEqualTo(16);
    }

    @Test
    void leadsAreCountedByCaptureGradeAndWonWithinThatGradesWindow() {
        Instant captured = Instant.parse("2026-11-02T02:00:00Z");
        List<LeadFact> facts = List.of(
                graded("h1", "H", captured, captured.plus(Duration.ofDays(7))),
                graded("h2", "H", captured, captured.plus(Duration.ofDays(8))),
                graded("h3", "H", captured, null),
                graded("b1", "B", captured, captured.plus(Duration.ofDays(30))),
                graded("c1", "C", captured, captured.plus(Duration.ofDays(91))));
        Rollup rollup = RollupCalculator.of(KEY, facts);
        assertThat(rollup.byCaptureGrade()).containsExactlyInAnyOrderEntriesOf(Map.of("H", 3L, "B", 1L, "C", 1L));
        assertThat(rollup.wonInWindowByCaptureGrade()).as("7 days is within H's week, 8 is not; B's 30 days count")
                .containsExactlyInAnyOrderEntriesOf(Map.of("H", 1L, "B", 1L));
    }

    @Test
    void theRollupDoesNotDependOnTheOrderOfTheFacts() {
        List<LeadFact> facts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            facts.add(new LeadFact("l" + i, i % 3 == 0 ? "WON" : "OPEN", true, true, null, null, (long) i,
                    "Org " + i, 0, 0, 0, null, null, null, null, null, null, null, null, "A", null, null, 1, null, null));
        }
        Rollup forward = RollupCalculator.of(KEY, facts);
        Collections.reverse(facts);
        assertThat(RollupCalculator.of(KEY, facts)).isEqualTo(forward);
        assertThat(forward.organizations()).hasSize(Rollup.MAX_ORGANIZATIONS);
    }

    @Test
    void responsePercentilesInterpolateAndTheOverflowBucketBoundsTheSize() {
        ResponseHistogram h = new ResponseHistogram().add(10, 1).add(20, 1).add(30, 1).add(40, 1);
        assertThat(h.percentile(0.5)).isEqualTo(25.0);
        assertThat(h.percentile(0.9)).isCloseTo(37.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(h.countAtMost(30)).isEqualTo(3);
        h.add(1_000_000, 2);
        assertThat(h.asMap()).containsKey(ResponseHistogram.CAP).hasSize(5);
        assertThat(new ResponseHistogram().percentile(0.5)).isNull();
    }

    @Test
    void responseBucketsAreFixedAndNamedByTheirUpperBound() {
        assertThat(ResponseHistogram.bucketOf(0)).isEqualTo(0);
        assertThat(ResponseHistogram.bucketOf(1)).isEqualTo(1);
        assertThat(ResponseHistogram.bucketOf(60)).isEqualTo(60);
        assertThat(ResponseHistogram.bucketOf(61)).isEqualTo(61);
        assertThat(ResponseHistogram.bucketOf(121)).isEqualTo(150);
        assertThat(ResponseHistogram.bucketOf(721)).isEqualTo(840);
        assertThat(ResponseHistogram.bucketOf(2881)).isEqualTo(3600);
        assertThat(ResponseHistogram.bucketOf(50_000)).isEqualTo(ResponseHistogram.CAP);
        java.util.Set<Long> buckets = new java.util.TreeSet<>();
        for (long minutes = 0; minutes <= ResponseHistogram.CAP + 10; minutes++) {
            buckets.add(ResponseHistogram.bucketOf(minutes));
        }
        assertThat(buckets).hasSize(ResponseHistogram.BUCKETS);
    }

    @Test
    void dueTimesKeepTheLatestAndCountTheEarlierOnes() {
        DueTimes due = DueTimes.NONE;
        for (int i = 0; i < DueTimes.KEPT + 10; i++) {
            due = due.plus(DUE.plusSeconds(60L * i));
        }
        assertThat(due.latest()).hasSize(DueTimes.KEPT);
        assertThat(due.earlier()).isEqualTo(10);
        assertThat(due.overdue(DUE.plusSeconds(60L * 1000))).isEqualTo(DueTimes.KEPT + 10);
        assertThat(due.overdue(DUE.plusSeconds(60L * 10 + 1))).as("past the dropped ones and one kept").isEqualTo(11);
    }

    private static LeadFact graded(String id, String captureGrade, Instant captured, Instant wonAt) {
        return new LeadFact(id, wonAt == null ? "OPEN" : "WON", true, false, captured, null, null, null, 0, 0, 0, null,
                null, null, null, null, null, null, null, captureGrade, null, null, 1, captureGrade, wonAt);
    }

    private static LeadFact won(String id, String month, String model, int vehicles) {
        return new LeadFact(id, "WON", true, false, null, null, null, null, 0, 0, 0, null, null, null, null, null, null,
                null, null, "A", month, model, vehicles, null, null);
    }

    private static LeadFact lead(String id, String status, boolean kept, Long minutes) {
        return new LeadFact(id, status, kept, minutes != null, null, Instant.parse("2026-11-02T02:00:00Z"), minutes,
                null, 0, 0, 0, null, null, null, null, null, null, null, null, "B", null, null, 1, null, null);
    }

    private static LeadFact defeat(String id, String status, String state, List<String> reasons,
            List<String> actual, String brand, String sameGroupDealer) {
        return new LeadFact(id, status, true, false, null, null, null, null, 1, "REVERSED".equals(state) ? 0 : 1,
                "REVERSED".equals(state) ? 1 : 0, state, "BOUGHT_COMPETITOR", reasons, actual, brand, sameGroupDealer,
                "PENDING_CALLBACK".equals(state) ? DUE : null, Map.of("reception", 2), "A", null, null, 1, null, null);
    }
}
