package com.dealerradar.analytics.query.application;

import com.dealerradar.analytics.fact.adapter.mongo.RollupStore;
import com.dealerradar.analytics.fact.domain.Rollup;
import com.dealerradar.analytics.fact.domain.RollupGrain;
import com.dealerradar.analytics.fact.domain.RollupView;
import com.dealerradar.analytics.fact.domain.RollupSum;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads a scope's rollups of a cohort and sums them, in total (from the dealer-day view) or by a key. */
@Component
public class RollupReader {

    private final RollupStore rollups;

    public RollupReader(RollupStore rollups) {
        this.rollups = rollups;
    }

    /** The rollups of a view that make up the cohort: whole months from month rollups, the rest from days. */
    public Flux<Rollup> read(RollupView view, ScopeFilter scope, Cohort cohort) {
        Flux<Rollup> months = cohort.wholeMonths()
                .map(span -> rollups.find(view, RollupGrain.MONTH, span.narrow(scope.criteria())))
                .orElse(Flux.empty());
        Flux<Rollup> days = Flux.fromIterable(cohort.partialDays())
                .concatMap(span -> rollups.find(view, RollupGrain.DAY, span.narrow(scope.criteria())));
        return Flux.concat(months, days);
    }

    public Mono<RollupSum> total(ScopeFilter scope, Cohort cohort) {
        return read(RollupView.DEALER, scope, cohort).reduce(new RollupSum(), RollupSum::add);
    }

    /** Sums per key and in total, in one pass. */
    public record Grouped(RollupSum total, Map<String, RollupSum> byKey) {}

    /** Sums by {@code keyOf}; a null key (e.g. an individual buyer's industry) is kept as the empty string. */
    public Mono<Grouped> by(ScopeFilter scope, Cohort cohort, Grouping grouping) {
        Function<Rollup, String> keyOf = grouping.keyOf();
        return read(grouping.view(), scope, cohort)
                .reduce(new Grouped(new RollupSum(), new TreeMap<>()), (grouped, rollup) -> {
                    String key = keyOf.apply(rollup);
                    grouped.byKey().computeIfAbsent(key == null ? "" : key, k -> new RollupSum()).add(rollup);
                    grouped.total().add(rollup);
                    return grouped;
                });
    }
}
