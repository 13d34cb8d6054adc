package com.dealerradar.analytics.fact.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellCalculatorTest {

    @Test
    void aParentsRowsAreTheSumsOfItsChildrensRowsByTheViewsKey() {
        List<Rollup> days = List.of(
                group("2026-11-01", "D1", "SHOWROOM", "wang", 3, 1),
                group("2026-11-02", "D1", "SHOWROOM", "li", 2, 0),
                group("2026-11-02", "D1", "PHONE", "wang", 5, 2));
        List<Rollup> byChannel = CellCalculator.rows(CellView.CHANNEL, "2026-11", CellScope.dealer("D1"), days);
        assertThat(byChannel).extracting(r -> r.key().channel(), Rollup::traffic, Rollup::won)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("SHOWROOM", 5L, 1L),
                        org.assertj.core.groups.Tuple.tuple("PHONE", 5L, 2L));
        assertThat(byChannel).allSatisfy(r -> assertThat(r.key().region()).isEqualTo("Chifeng"));
        List<Rollup> total = CellCalculator.rows(CellView.TOTAL, "2026", CellScope.GROUP, days);
        assertThat(total).singleElement().satisfies(r -> {
            assertThat(r.traffic()).isEqualTo(10);
            assertThat(r.key().region()).as("the group's rows name no region").isNull();
        });
    }

    @Test
    void aDealersConsultantsAreCappedAndTheRestCountedUnderOther() {
        List<Rollup> groups = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            groups.add(group("2026-11-01", "D1", "SHOWROOM", "c" + i, 100 - i, 0));
        }
        List<Rollup> rows = CellCalculator.rows(CellView.CONSULTANT, "2026-11", CellScope.dealer("D1"), groups);
        assertThat(rows).hasSize(CellView.CONSULTANTS_PER_DEALER);
        assertThat(rows).extracting(r -> r.key().consultant()).contains("c0", "c18", Rollup.OTHER).doesNotContain("c19");
        assertThat(rows.stream().mapToLong(Rollup::traffic).sum()).isEqualTo(groups.stream().mapToLong(Rollup::traffic).sum());
    }

    private static Rollup group(String day, String dealer, String channel, String consultant, long traffic, long won) {
        return new Rollup(new GroupKey(day, dealer, "Chifeng", channel, null, "CS75 PLUS", consultant), traffic, 0,
                traffic, traffic, 0, 0, 0, won, 0, 0, 0, traffic - won, java.util.Map.of(), 0, 0, 0, DueTimes.NONE,
                java.util.Map.of(), java.util.Map.of(), java.util.Map.of(), java.util.Map.of(), java.util.Map.of(),
                java.util.Map.of(), List.of(), List.of(), List.of("CS75 PLUS"), List.of(), java.util.Map.of(),
                java.util.Map.of(), won, java.util.Map.of(), java.util.Map.of());
    }
}
