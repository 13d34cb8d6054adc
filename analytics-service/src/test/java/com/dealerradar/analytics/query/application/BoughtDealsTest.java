package com.dealerradar.analytics.query.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.analytics.fact.domain.DueTimes;
import com.dealerradar.analytics.fact.domain.GroupKey;
import com.dealerradar.analytics.fact.domain.Rollup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BoughtDealsTest {

    /** 5 deals among the leads that asked about UNI-K: 3 bought CS75 PLUS, 1 UNI-K, 1 with no model on record. */
    private static final Rollup JUSTICE_ASKING_UNI_K = row("JUSTICE", "UNI-K", 5,
            Map.of("CS75 PLUS", 3L, "UNI-K", 1L));

    @Test
    void dealsCountUnderTheModelBoughtAndTheUnnamedOnesUnderTheModelAskedAbout() {
        assertThat(BoughtDeals.of("model").apply(JUSTICE_ASKING_UNI_K))
                .containsExactlyInAnyOrderEntriesOf(Map.of("CS75 PLUS", 3L, "UNI-K", 2L));
        assertThat(BoughtDeals.of("industryModel").apply(JUSTICE_ASKING_UNI_K))
                .containsExactlyInAnyOrderEntriesOf(Map.of("JUSTICE/CS75 PLUS", 3L, "JUSTICE/UNI-K", 2L));
        assertThat(BoughtDeals.of("industry").apply(JUSTICE_ASKING_UNI_K))
                .containsExactlyInAnyOrderEntriesOf(Map.of("JUSTICE", 5L));
        assertThat(BoughtDeals.of("industryModel").apply(row(null, "UNI-K", 2, Map.of("UNI-K", 2L)))).isEmpty();
    }

    private static Rollup row(String industry, String model, long won, Map<String, Long> wonModels) {
        return new Rollup(new GroupKey("2026", null, "Chifeng", null, industry, model, null), 10, 0, 10, 10, 0, 0, 0,
                won, 0, 0, 0, 10 - won, Map.of(), 0, 0, 0, DueTimes.NONE, Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of(), Map.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), wonModels, won, Map.of(),
                Map.of());
    }
}
