package com.dealerradar.analytics.query.adapter.web;

import com.dealerradar.analytics.query.application.BenchmarkQuery;
import com.dealerradar.analytics.query.application.ChannelsQuery;
import com.dealerradar.analytics.query.application.Cohort;
import com.dealerradar.analytics.query.application.ComparisonQuery;
import com.dealerradar.analytics.query.application.DefeatsQuery;
import com.dealerradar.analytics.query.application.FunnelQuery;
import com.dealerradar.analytics.query.application.MissedProspectsQuery;
import com.dealerradar.analytics.query.application.ResponseTimesQuery;
import com.dealerradar.analytics.query.application.StructureQuery;
import com.dealerradar.platform.security.Caller;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The dashboard reads of api.md's Analytics section; each answers from rollups. A cohort is built
 * inside {@code Mono.defer}, so that a bad date range is a signalled error like every other failure.
 */
@RestController
@RequestMapping("/api/analytics")
class AnalyticsController {

    private final StructureQuery structure;
    private final FunnelQuery funnel;
    private final ResponseTimesQuery responseTimes;
    private final ChannelsQuery channels;
    private final DefeatsQuery defeats;
    private final ComparisonQuery comparison;
    private final MissedProspectsQuery missedProspects;
    private final BenchmarkQuery benchmark;

    AnalyticsController(StructureQuery structure, FunnelQuery funnel, ResponseTimesQuery responseTimes,
            ChannelsQuery channels, DefeatsQuery defeats, ComparisonQuery comparison,
            MissedProspectsQuery missedProspects, BenchmarkQuery benchmark) {
        this.structure = structure;
        this.funnel = funnel;
        this.responseTimes = responseTimes;
        this.channels = channels;
        this.defeats = defeats;
        this.comparison = comparison;
        this.missedProspects = missedProspects;
        this.benchmark = benchmark;
    }

    @GetMapping("/structure")
    Mono<StructureQuery.Structure> structure(Caller caller, @RequestParam(required = false) String dealerId,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
        return Mono.defer(() -> structure.structure(caller, dealerId, region, new Cohort(from, to)));
    }

    @GetMapping("/funnel")
    Mono<FunnelQuery.Funnel> funnel(Caller caller, @RequestParam(required = false) String dealerId,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "dealer") String groupBy) {
        return Mono.defer(() -> funnel.funnel(caller, dealerId, region, new Cohort(from, to), groupBy));
    }

    @GetMapping("/response-times")
    Mono<ResponseTimesQuery.ResponseTimes> responseTimes(Caller caller,
            @RequestParam(required = false) String dealerId, @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "dealer") String groupBy) {
        return Mono.defer(() -> responseTimes.responseTimes(caller, dealerId, region, new Cohort(from, to), groupBy));
    }

    @GetMapping("/channels")
    Mono<ChannelsQuery.Channels> channels(Caller caller, @RequestParam(required = false) String dealerId,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
        return Mono.defer(() -> channels.channels(caller, dealerId, region, new Cohort(from, to)));
    }

    @GetMapping("/defeats")
    Mono<DefeatsQuery.Defeats> defeats(Caller caller, @RequestParam(required = false) String dealerId,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
        return Mono.defer(() -> defeats.defeats(caller, dealerId, region, new Cohort(from, to)));
    }

    @GetMapping("/comparison")
    Mono<ComparisonQuery.Comparison> comparison(Caller caller, @RequestParam(required = false) String dealerId,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "industry") String dimension) {
        return Mono.defer(() -> comparison.comparison(caller, dealerId, region, new Cohort(from, to), dimension));
    }

    @GetMapping("/missed-prospects")
    Mono<MissedProspectsQuery.MissedProspects> missedProspects(Caller caller,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "industry") String dimension,
            @RequestParam(required = false) Integer limit) {
        return Mono.defer(() -> missedProspects.find(caller, region, dimension, new Cohort(from, to), limit));
    }

    @GetMapping("/dealers/benchmark")
    Mono<BenchmarkQuery.Benchmark> benchmark(Caller caller, @RequestParam(required = false) String dealerId,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "closeRate") String metric) {
        return Mono.defer(() -> benchmark.benchmark(caller, dealerId, region, new Cohort(from, to), metric));
    }
}
