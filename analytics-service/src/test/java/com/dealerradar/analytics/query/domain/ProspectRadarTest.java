package com.dealerradar.analytics.query.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.dealerradar.analytics.query.domain.ProspectRadar.Counts;
import com.dealerradar.analytics.query.domain.ProspectRadar.Finding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProspectRadarTest {

    private static final Map<String, Long> FOUR_EQUAL_REGIONS = Map.of("A", 100L, "B", 100L, "C", 100L, "D", 100L);

    @Test
    void anUntouchedIndustryAndAnUnconvertedOneAreFoundWithTheirKindsAndExpectations() {
        Map<String, Map<String, Counts>> byValue = Map.of(
                "JUSTICE", Map.of("B", new Counts(10, 0), "C", new Counts(10, 0), "D", new Counts(10, 0)),
                "POWER_UTILITY", Map.of("A", new Counts(10, 0), "B", new Counts(10, 5), "C", new Counts(10, 5),
                        "D", new Counts(10, 5)));

        List<Finding> found = ProspectRadar.find(FOUR_EQUAL_REGIONS, byValue);

        // 12 cells counted: JUSTICE untouched ×4, POWER_UTILITY untouched ×4 and unconverted ×4 (every one
        // can reach p <= 0.1); all but A's two have p = 1.
        // A, JUSTICE: 30 leads, A's share of traffic 1/4, none here: p = 0.75^30, q = 12 p.
        Finding untouched = found.get(0);
        assertThat(untouched.region()).isEqualTo("A");
        assertThat(untouched.value()).isEqualTo("JUSTICE");
        assertThat(untouched.kind()).isEqualTo(ProspectKind.UNTOUCHED);
        assertThat(untouched.pValue()).isCloseTo(Math.pow(0.75, 30), within(1e-12));
        assertThat(untouched.qValue()).isCloseTo(12 * Math.pow(0.75, 30), within(1e-12));
        assertThat(untouched.expectedLeads()).isCloseTo(10.0, within(1e-9));
        assertThat(untouched.expectedWon()).isZero();
        // A, POWER_UTILITY: 10 leads, 0 won; peers 15 of 30. Fisher: C(25,10) / C(40,10), q = 12 p / 2.
        Finding unconverted = found.get(1);
        assertThat(unconverted.value()).isEqualTo("POWER_UTILITY");
        assertThat(unconverted.kind()).isEqualTo(ProspectKind.UNCONVERTED);
        assertThat(unconverted.pValue()).isCloseTo(3268760.0 / 847660528.0, within(1e-12));
        assertThat(unconverted.qValue()).isCloseTo(6 * 3268760.0 / 847660528.0, within(1e-12));
        assertThat(unconverted.expectedWon()).as("10 leads × 15 / 30").isCloseTo(5.0, within(1e-9));
        assertThat(found).hasSize(2);
    }

    @Test
    void equalRegionsShowNothingAndOnePeerAloneIsNoPattern() {
        Map<String, Counts> same = Map.of("A", new Counts(10, 3), "B", new Counts(10, 3), "C", new Counts(10, 3),
                "D", new Counts(10, 3));
        assertThat(ProspectRadar.find(FOUR_EQUAL_REGIONS, Map.of("FINANCE", same))).isEmpty();
        Map<String, Counts> onePeer = Map.of("B", new Counts(40, 20));
        assertThat(ProspectRadar.find(FOUR_EQUAL_REGIONS, Map.of("JUSTICE", onePeer))).isEmpty();
    }

    @Test
    void aShortfallThatIsLikelyByChanceAmongManyCellsIsNoDiscovery() {
        // A has 5 of the 26 POWER_UTILITY leads for a quarter of the traffic: p = P(X <= 5 | 26, 1/4) = 0.3
        Map<String, Counts> mild = Map.of("A", new Counts(5, 1), "B", new Counts(7, 2), "C", new Counts(7, 2),
                "D", new Counts(7, 2));
        assertThat(ProspectRadar.find(FOUR_EQUAL_REGIONS, Map.of("POWER_UTILITY", mild))).isEmpty();
    }
}
