package com.dealerradar.analytics.query.application;

import com.dealerradar.analytics.spend.application.MonthlySpends;
import com.dealerradar.analytics.spend.domain.MonthlySpend;
import com.dealerradar.platform.security.ReadScope;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Spend of a scope over every month that overlaps the cohort, whole. Empty when none was recorded,
 * so that "no figure" and "zero" stay apart.
 */
@Component
public class SpendReader {

    private final MonthlySpends spends;

    public SpendReader(MonthlySpends spends) {
        this.spends = spends;
    }

    public Mono<BigDecimal> total(ReadScope scope, Cohort cohort) {
        return months(scope, cohort).map(MonthlySpend::total).reduce(BigDecimal::add);
    }

    /** Per channel, from the months' splits; a channel no split names has no entry. */
    public Mono<Map<String, BigDecimal>> byChannel(ReadScope scope, Cohort cohort) {
        return months(scope, cohort).reduce(new TreeMap<String, BigDecimal>(), (sums, spend) -> {
            spend.byChannel().forEach((channel, amount) -> sums.merge(channel, amount, BigDecimal::add));
            return sums;
        }).map(sums -> (Map<String, BigDecimal>) sums);
    }

    /** Every month of the cohort (an open end: the first or last month with spend) of the scope's dealers. */
    private Flux<MonthlySpend> months(ReadScope scope, Cohort cohort) {
        return spends.indexOf(scope.dealerId() != null ? null : scope.region()).flatMapMany(index -> {
            YearMonth from = cohort.firstMonth() != null ? cohort.firstMonth() : index.first();
            YearMonth to = cohort.lastMonth() != null ? cohort.lastMonth() : index.last();
            if (from == null || to == null) {
                return Flux.empty();
            }
            List<String> dealers = scope.dealerId() != null ? List.of(scope.dealerId()) : index.dealers();
            return spends.find(dealers, from, to);
        });
    }
}
