package com.dealerradar.analytics.query.application;

import com.dealerradar.analytics.fact.domain.RollupSum;
import com.dealerradar.analytics.query.domain.FunnelRates;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.ScopeResolver;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Keep, Follow and Convert by a dimension, with the scope's total. */
@Service
public class FunnelQuery {

    private final ScopeResolver scope;
    private final CellReader rollups;

    public FunnelQuery(ScopeResolver scope, CellReader rollups) {
        this.scope = scope;
        this.rollups = rollups;
    }

    /** {@code key} is null in the total, and for leads without the dimension (an individual has no industry). */
    public record FunnelRow(String key, long traffic, long kept, long followed, long won, Double keepRate,
            Double followRate, Double convertRate, Double closeRate, long vehiclesSold) {

        static FunnelRow of(String key, RollupSum s) {
            FunnelRates rates = FunnelRates.of(s.traffic(), s.kept(), s.followed(), s.followedWon(), s.won());
            return new FunnelRow(key, s.traffic(), s.kept(), s.followed(), s.won(), rates.keepRate(),
                    rates.followRate(), rates.convertRate(), rates.closeRate(), s.vehiclesSold());
        }
    }

    public record Funnel(List<FunnelRow> rows, FunnelRow total) {}

    public Mono<Funnel> funnel(Caller caller, String dealerId, String region, Cohort cohort, String groupBy) {
        Grouping keyOf = Dimensions.funnel(groupBy);
        return scope.resolve(caller, dealerId, region).flatMap(filter -> rollups.by(filter, cohort, keyOf)
                .map(grouped -> {
                    List<FunnelRow> rows = grouped.byKey().entrySet().stream()
                            .map(e -> FunnelRow.of(e.getKey().isEmpty() ? null : e.getKey(), e.getValue()))
                            .sorted(Comparator.comparingLong(FunnelRow::traffic).reversed()
                                    .thenComparing(FunnelRow::key, Comparator.nullsLast(Comparator.naturalOrder())))
                            .toList();
                    return new Funnel(rows, FunnelRow.of(null, grouped.total()));
                }));
    }
}
