package com.dealerradar.analytics.query.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void wilsonIntervalMatchesTheTextbookValues() {
        // 8 of 10: Wilson 95% is 0.4902 .. 0.9433 (Newcombe 1998, table I style computation by hand)
        WilsonInterval interval = WilsonInterval.of95(8, 10);
        assertThat(interval.low()).isCloseTo(0.4902, within(0.0001));
        assertThat(interval.high()).isCloseTo(0.9433, within(0.0001));
        WilsonInterval none = WilsonInterval.of95(0, 20);
        assertThat(none.low()).isZero();
        assertThat(none.high()).isCloseTo(0.1611, within(0.0001));
    }

    @Test
    void ratesAreNullOnAZeroDenominatorAndRoundedToFourDecimals() {
        assertThat(Rates.of(1, 3)).isEqualTo(0.3333);
        assertThat(Rates.of(2, 3)).isEqualTo(0.6667);
        assertThat(Rates.of(5, 0)).isNull();
    }

    @Test
    void costPerLeadAndSpendOnDefeatedLeadsOfTheDomainExample() {
        BigDecimal costPerLead = Money.perUnit(new BigDecimal("650000"), 500);
        assertThat(costPerLead).isEqualByComparingTo("1300");
        assertThat(Money.times(costPerLead, 225)).isEqualByComparingTo("292500");
        assertThat(Money.perUnit(new BigDecimal("100"), 3)).isEqualByComparingTo("33.33");
        assertThat(Money.perUnit(BigDecimal.ZERO, 3)).isNull();
        assertThat(Money.perUnit(new BigDecimal("100"), 0)).isNull();
    }

    @Test
    void funnelRatesMultiplyToTheCloseRate() {
        FunnelRates rates = FunnelRates.of(200, 150, 120, 30, 30);
        assertThat(rates.keepRate()).isEqualTo(0.75);
        assertThat(rates.followRate()).isEqualTo(0.8);
        assertThat(rates.convertRate()).isEqualTo(0.25);
        assertThat(rates.closeRate()).isEqualTo(0.15);
        assertThat(FunnelRates.of(10, 0, 0, 0, 0).followRate()).isNull();
        assertThat(FunnelRates.of(10, 5, 2, 1, 4).convertRate()).as("a deal without a follow-up is no conversion").isEqualTo(0.5);
    }

    @Test
    void medianAndCompetitionRank() {
        assertThat(Median.of(List.of(0.3, 0.1, 0.2))).isEqualTo(0.2);
        assertThat(Median.of(List.of(0.4, 0.1, 0.2, 0.3))).isCloseTo(0.25, within(1e-12));
        assertThat(Median.of(List.of())).isNull();
        assertThat(CompetitionRank.of(List.of(0.5, 0.4, 0.4, 0.1))).containsExactly(1, 2, 2, 4);
    }
}
