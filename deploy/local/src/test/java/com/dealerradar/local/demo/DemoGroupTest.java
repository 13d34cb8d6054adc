package com.dealerradar.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.local.demo.DemoPlan.Lead;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoGroupTest {

    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
    private static final DemoPlan PLAN = DemoGroup.generate(20261130, NOW, DemoGroup.DEFAULT_SCALE);

    @Test
    void theSameSeedGivesTheSameGroup() {
        DemoPlan again = DemoGroup.generate(20261130, NOW, DemoGroup.DEFAULT_SCALE);
        assertThat(again.leads()).hasSameSizeAs(PLAN.leads());
        assertThat(again.leads().get(777)).isEqualTo(PLAN.leads().get(777));
        assertThat(DemoGroup.generate(7, NOW, DemoGroup.DEFAULT_SCALE).leads().get(777)).isNotEqualTo(PLAN.leads().get(777));
    }

    @Test
    void twelveRegionsOfFiveDealersAndAModestVolume() {
        assertThat(PLAN.dealers()).hasSize(60);
        assertThat(PLAN.dealers().stream().map(DemoPlan.Dealer::region).distinct()).hasSize(12);
        assertThat(PLAN.leads()).hasSizeBetween(2_000, 20_000);
        assertThat(PLAN.leads()).allMatch(lead -> !lead.occurredAt().isAfter(NOW));
    }

    @Test
    void aMonthJustBegunHasOnlyTheLeadsOfItsFirstHours() {
        Instant earlyInAMonth = Instant.parse("2026-11-30T19:47:00Z"); // 03:47 on 1 December in the group's zone
        DemoPlan plan = DemoGroup.generate(20261130, earlyInAMonth, DemoGroup.DEFAULT_SCALE);
        Instant yearBefore = earlyInAMonth.atZone(DemoGroup.ZONE).minusYears(1).toInstant();
        long december = plan.leads().stream()
                .filter(lead -> YearMonth.from(lead.occurredAt().atZone(DemoGroup.ZONE)).equals(YearMonth.of(2026, 12)))
                .count();
        assertThat(december).isLessThan(plan.leads().size() / 100);
        assertThat(plan.leads()).allMatch(lead -> !lead.occurredAt().isBefore(yearBefore));
    }

    @Test
    void nothingHappensBeforeTheLeadOrAfterNow() {
        for (Lead lead : PLAN.leads()) {
            lead.followUps().forEach(f -> assertThat(f.at()).isAfter(lead.occurredAt()).isBefore(NOW));
            if (lead.deal() != null) {
                assertThat(lead.deal().at()).isAfter(lead.occurredAt()).isBefore(NOW);
                assertThat(lead.defeat()).isNull();
            }
            if (lead.defeat() != null && lead.defeat().callback() != null) {
                assertThat(lead.defeat().callback().at()).isAfter(lead.defeat().at()).isBefore(NOW);
            }
        }
    }

    @Test
    void tongliaoHasOpenJusticeLeadsAndNoDealsWhileItsPeersSell() {
        Predicate<Lead> justice = lead -> "JUSTICE".equals(lead.customer().industry()) && lead.invalid() == null;
        List<Lead> tongliao = PLAN.leads().stream().filter(justice).filter(l -> l.dealer().region().equals("Tongliao")).toList();
        assertThat(tongliao).hasSizeGreaterThanOrEqualTo(20).allMatch(lead -> lead.deal() == null && lead.defeat() == null);
        Map<String, Long> peerDeals = PLAN.leads().stream().filter(justice).filter(l -> l.deal() != null)
                .collect(Collectors.groupingBy(l -> l.dealer().region(), Collectors.counting()));
        assertThat(peerDeals).doesNotContainKey("Tongliao").hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void powerUtilitiesAskForFleetsInSeveralRegions() {
        assertThat(PLAN.leads().stream()
                .filter(l -> "POWER_UTILITY".equals(l.customer().industry()) && l.vehicles() >= 6)
                .map(l -> l.dealer().region()).distinct()).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void oneChannelCostsTheMostPerWon() {
        assertThat(costliestPerWon(PLAN)).isEqualTo(PLAN.situations().expensiveChannel());
    }

    /** Of the channels with a deal, the one with the highest spend per deal over the year. */
    static String costliestPerWon(DemoPlan plan) {
        Map<String, Long> spend = new HashMap<>();
        plan.spends().forEach(month -> month.byChannel().forEach((channel, amount) -> spend.merge(channel, amount, Long::sum)));
        Map<String, Long> won = plan.leads().stream().filter(lead -> lead.deal() != null)
                .collect(Collectors.groupingBy(Lead::channel, Collectors.counting()));
        return won.keySet().stream()
                .max(Comparator.comparingDouble(channel -> (double) spend.getOrDefault(channel, 0L) / won.get(channel)))
                .orElseThrow();
    }

    @Test
    void oneDealersLossesAreOftenFalse() {
        assertThat(falseShare("D-BT-03")).isGreaterThan(0.4);
        assertThat(falseShare("D-BT-01")).isLessThan(0.2);
    }

    private static double falseShare(String dealerId) {
        List<DemoPlan.Callback> callbacks = PLAN.leads().stream()
                .filter(l -> l.dealer().dealerId().equals(dealerId) && l.defeat() != null && l.defeat().callback() != null)
                .map(l -> l.defeat().callback()).toList();
        return callbacks.stream().filter(c -> c.outcome().equals("FALSE_DEFEAT")).count() / (double) callbacks.size();
    }
}
