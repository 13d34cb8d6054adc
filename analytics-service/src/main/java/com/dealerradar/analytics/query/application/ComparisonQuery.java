package com.dealerradar.analytics.query.application;

import com.dealerradar.analytics.fact.domain.RollupSum;
import com.dealerradar.analytics.query.domain.Rates;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.ScopeResolver;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Regions against the values of a dimension: a cell for every pair that has leads. */
@Service
public class ComparisonQuery {

    private static final String SEPARATOR = "\u0000";

    private final ScopeResolver scope;
    private final CellReader rollups;

    public ComparisonQuery(ScopeResolver scope, CellReader rollups) {
        this.scope = scope;
        this.rollups = rollups;
    }

    public record Cell(String region, String value, long leads, long won, Double closeRate, long vehiclesSold) {}

    public record Comparison(List<String> regions, List<String> values, List<Cell> cells) {}

    public Mono<Comparison> comparison(Caller caller, String dealerId, String region, Cohort cohort, String dimension) {
        Grouping value = Dimensions.comparison(dimension);
        Grouping regionAndValue = new Grouping(value.view(), r -> value.keyOf().apply(r) == null ? null
                : r.key().region() + SEPARATOR + value.keyOf().apply(r), true);
        return scope.resolve(caller, dealerId, region)
                .flatMap(filter -> rollups.by(filter, cohort, regionAndValue))
                .map(grouped -> of(grouped.byKey()));
    }

    /** Leads without the dimension (an individual has no industry) are in no cell. */
    private static Comparison of(Map<String, RollupSum> byPair) {
        TreeSet<String> regions = new TreeSet<>();
        TreeSet<String> values = new TreeSet<>();
        Map<String, Cell> cells = new TreeMap<>();
        byPair.forEach((pair, s) -> {
            if (pair.isEmpty() || s.traffic() == 0) {
                return;
            }
            String[] parts = pair.split(SEPARATOR, 2);
            regions.add(parts[0]);
            values.add(parts[1]);
            cells.put(pair, new Cell(parts[0], parts[1], s.traffic(), s.won(), Rates.of(s.won(), s.traffic()),
                    s.vehiclesSold()));
        });
        return new Comparison(List.copyOf(regions), List.copyOf(values), List.copyOf(cells.values()));
    }
}
