package com.dealerradar.analytics.query.application;

import com.dealerradar.analytics.directory.DealerDirectory;
import com.dealerradar.analytics.spend.adapter.mongo.SpendStore;
import com.dealerradar.analytics.spend.domain.MonthlySpend;
import java.math.BigDecimal;
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

    private final SpendStore store;
    private final DealerDirectory directory;

    public SpendReader(SpendStore store, DealerDirectory directory) {
        this.store = store;
        this.directory = directory;
    }

    public Mono<BigDecimal> total(ScopeFilter scope, Cohort cohort) {
        return months(scope, cohort).map(MonthlySpend::total).reduce(BigDecimal::add);
    }

    /** Per channel, from the months' splits; a channel no split names has no entry. */
    public Mono<Map<String, BigDecimal>> byChannel(ScopeFilter scope, Cohort cohort) {
        return months(scope, cohort).reduce(new TreeMap<String, BigDecimal>(), (sums, spend) -> {
            spend.byChannel().forEach((channel, amount) -> sums.merge(channel, amount, BigDecimal::add));
            return sums;
        }).map(sums -> (Map<String, BigDecimal>) sums);
    }

    private Flux<MonthlySpend> months(ScopeFilter scope, Cohort cohort) {
        if (scope.dealerId() != null) {
            return store.find(List.of(scope.dealerId()), cohort.firstMonth(), cohort.lastMonth());
        }
        if (scope.region() != null) {
            return directory.dealersIn(scope.region()).collectList()
                    .flatMapMany(ids -> store.find(ids, cohort.firstMonth(), cohort.lastMonth()));
        }
        return store.find(null, cohort.firstMonth(), cohort.lastMonth());
    }
}
