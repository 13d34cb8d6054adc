package com.dealerradar.analytics.query.application;

import com.dealerradar.analytics.fact.domain.ResponseHistogram;
import com.dealerradar.analytics.fact.domain.RollupSum;
import com.dealerradar.analytics.query.domain.Rates;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.ScopeResolver;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Capture to first follow-up that reached the lead, from the per-minute histograms of the rollups.
 * Median, p90 and the share within an hour are over the reached leads (only they have a time);
 * {@code leads} and {@code reached} show how many were never reached.
 */
@Service
public class ResponseTimesQuery {

    private static final long ONE_HOUR = 60;

    private final ScopeResolver scope;
    private final CellReader rollups;

    public ResponseTimesQuery(ScopeResolver scope, CellReader rollups) {
        this.scope = scope;
        this.rollups = rollups;
    }

    public record ResponseRow(String key, long leads, long reached, Double medianMinutes, Double p90Minutes,
            Double withinOneHourRate) {

        static ResponseRow of(String key, RollupSum s) {
            ResponseHistogram h = s.responses();
            return new ResponseRow(key, s.traffic(), s.reached(), Rates.round(h.percentile(0.5), 1),
                    Rates.round(h.percentile(0.9), 1), Rates.of(h.countAtMost(ONE_HOUR), h.total()));
        }
    }

    public record ResponseTimes(List<ResponseRow> rows) {}

    public Mono<ResponseTimes> responseTimes(Caller caller, String dealerId, String region, Cohort cohort,
            String groupBy) {
        Grouping keyOf = Dimensions.responseTimes(groupBy);
        return scope.resolve(caller, dealerId, region).flatMap(filter -> rollups.by(filter, cohort, keyOf))
                .map(grouped -> new ResponseTimes(grouped.byKey().entrySet().stream()
                        .map(e -> ResponseRow.of(e.getKey().isEmpty() ? null : e.getKey(), e.getValue()))
                        .toList()));
    }
}
