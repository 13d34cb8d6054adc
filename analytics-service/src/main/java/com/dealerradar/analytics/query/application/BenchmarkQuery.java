package com.dealerradar.analytics.query.application;

import com.dealerradar.analytics.fact.domain.RollupSum;
import com.dealerradar.analytics.query.domain.BenchmarkMetric;
import com.dealerradar.analytics.query.domain.CompetitionRank;
import com.dealerradar.analytics.query.domain.Median;
import com.dealerradar.analytics.query.domain.Rates;
import com.dealerradar.analytics.query.domain.WilsonInterval;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.ScopeResolver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Dealers of a scope on one funnel metric, each with its 95% Wilson interval, ranked highest first
 * (ties share a rank), and the median of the dealers' values. A dealer with no trials for the metric
 * is listed last with null value, interval and rank, and stays out of the median.
 */
@Service
public class BenchmarkQuery {

    private final ScopeResolver scope;
    private final CellReader rollups;

    public BenchmarkQuery(ScopeResolver scope, CellReader rollups) {
        this.scope = scope;
        this.rollups = rollups;
    }

    public record BenchmarkRow(String dealerId, Double value, Double low, Double high, long n, Integer rank) {}

    public record Benchmark(String metric, List<BenchmarkRow> rows, Double median) {}

    public Mono<Benchmark> benchmark(Caller caller, String dealerId, String region, Cohort cohort, String metricName) {
        BenchmarkMetric metric = parse(metricName);
        return scope.resolve(caller, dealerId, region)
                .flatMap(filter -> rollups.by(filter, cohort, Dimensions.BY_DEALER))
                .map(grouped -> of(metricName, metric, grouped.byKey()));
    }

    private static Benchmark of(String metricName, BenchmarkMetric metric, Map<String, RollupSum> byDealer) {
        List<BenchmarkRow> measured = new ArrayList<>();
        List<BenchmarkRow> unmeasured = new ArrayList<>();
        byDealer.forEach((dealer, s) -> {
            long n = metric.trials(s);
            if (n == 0) {
                unmeasured.add(new BenchmarkRow(dealer, null, null, null, 0, null));
                return;
            }
            long successes = metric.successes(s);
            WilsonInterval interval = WilsonInterval.of95(successes, n);
            measured.add(new BenchmarkRow(dealer, Rates.of(successes, n), Rates.round(interval.low(), 4),
                    Rates.round(interval.high(), 4), n, null));
        });
        measured.sort(Comparator.comparing(BenchmarkRow::value, Comparator.reverseOrder())
                .thenComparing(BenchmarkRow::dealerId));
        List<Integer> ranks = CompetitionRank.of(measured.stream().map(BenchmarkRow::value).toList());
        List<BenchmarkRow> rows = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            BenchmarkRow row = measured.get(i);
            rows.add(new BenchmarkRow(row.dealerId(), row.value(), row.low(), row.high(), row.n(), ranks.get(i)));
        }
        rows.addAll(unmeasured);
        Double median = Rates.round(Median.of(measured.stream().map(BenchmarkRow::value).toList()), 4);
        return new Benchmark(metricName, rows, median);
    }

    private static BenchmarkMetric parse(String metricName) {
        try {
            return BenchmarkMetric.parse(metricName == null ? "" : metricName);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("metric", "must be one of closeRate, keepRate, followRate, convertRate");
        }
    }
}
