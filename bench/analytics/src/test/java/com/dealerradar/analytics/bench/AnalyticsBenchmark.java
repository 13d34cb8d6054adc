package com.dealerradar.analytics.bench;

import com.dealerradar.analytics.generation.application.ReadModels;
import com.dealerradar.events.EventEnvelope;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.InternalToken;
import com.dealerradar.platform.security.Role;
import com.dealerradar.testkit.RadarInfrastructure;
import com.dealerradar.testkit.SharedInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * Loads a year of a 60-dealer group's leads into the read model through the live consumer's own
 * code, in process: every event of every lead goes through {@link ReadModels#applyLeadEvent} (the
 * projection, the dealer-day index, the dirty marker) exactly as the Kafka listener hands it over, while
 * the service's flush loop recomputes the cells of the dirty dealer-days every 100 ms, as it does live.
 * Every {@link #CATCH_UP_EVERY} leads loading waits until the cells have caught up. Only Kafka is skipped.
 * First 100,000 leads, then 900,000 more over the same year and dealers; every dashboard query is timed
 * over HTTP at both sizes, and with {@code -Dbench.timedEvery=N} also after every N of the 900,000 (each N
 * of them spread over the whole year, so that every size has a full year to query).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "radar.analytics.flush-timeout=30m")
@RadarInfrastructure
class AnalyticsBenchmark {

    private static final InternalToken TOKENS = new InternalToken(SharedInfrastructure.INTERNAL_TOKEN_SECRET);
    private static final int CATCH_UP_EVERY = Integer.getInteger("bench.catchUpEvery", 5_000);
    private static final int CONCURRENCY = 8;
    private static final int RUNS = Integer.getInteger("bench.runs", 21);
    /**
     * Untimed rounds before each size's timed ones, so that the first size is timed on code compiled as far as
     * the later ones: with one round (2026-12-02), every query at 100,000 leads took 1.3–2.5 times as long as at 400,000.
     */
    private static final int WARMUP_ROUNDS = Integer.getInteger("bench.warmupRounds", 100);
    private static final Map<String, String> QUERIES = queries();

    @LocalServerPort
    int port;
    @Autowired
    ReadModels readModels;

    private static Map<String, String> queries() {
        Map<String, String> q = new LinkedHashMap<>();
        String year = "from=2026-01-01&to=2026-12-31";
        String month = "from=2026-11-01&to=2026-11-30";
        q.put("structure, group, year", "structure?" + year);
        q.put("structure, region, month", "structure?region=Chifeng&" + month);
        q.put("structure, dealer, month", "structure?dealerId=D-CHI-01&" + month);
        q.put("funnel by dealer, group, year", "funnel?groupBy=dealer&" + year);
        q.put("funnel by region, group, year", "funnel?groupBy=region&" + year);
        q.put("funnel by channel, region, month", "funnel?groupBy=channel&region=Chifeng&" + month);
        q.put("funnel by model, group, year", "funnel?groupBy=model&" + year);
        q.put("funnel by industry, group, year", "funnel?groupBy=industry&" + year);
        q.put("funnel by consultant, region, month", "funnel?groupBy=consultant&region=Chifeng&" + month);
        q.put("response-times by dealer, group, year", "response-times?groupBy=dealer&" + year);
        q.put("response-times by channel, region, month", "response-times?groupBy=channel&region=Chifeng&" + month);
        q.put("response-times by consultant, region, month",
                "response-times?groupBy=consultant&region=Chifeng&" + month);
        q.put("channels, group, year", "channels?" + year);
        q.put("defeats, group, year", "defeats?" + year);
        q.put("defeats, region, month", "defeats?region=Chifeng&" + month);
        q.put("comparison by industry, group, year", "comparison?dimension=industry&" + year);
        q.put("comparison by model, group, month", "comparison?dimension=model&" + month);
        q.put("missed prospects industry, year", "missed-prospects?region=Chifeng&dimension=industry&" + year);
        q.put("missed prospects industryModel, month",
                "missed-prospects?region=Chifeng&dimension=industryModel&" + month);
        q.put("benchmark closeRate, group, year", "dealers/benchmark?metric=closeRate&" + year);
        q.put("benchmark followRate, region, month", "dealers/benchmark?metric=followRate&region=Chifeng&" + month);
        return q;
    }

    @Test
    void dashboardQueriesAtOneHundredThousandAndAtOneMillionLeads() {
        LeadEventGenerator.registerDealers(readModels);
        long smallSize = Long.getLong("bench.small", 100_000);
        long largeSize = Long.getLong("bench.large", 1_000_000);
        long timedEvery = Long.getLong("bench.timedEvery", largeSize);
        Map<String, Double> small = loadAndMeasure(new LeadEventGenerator("A"), smallSize, smallSize);
        Map<String, Double> large = loadAndMeasureUpTo(largeSize, smallSize, timedEvery);
        System.out.printf("BENCH %-48s %12s %12s %7s%n", "query (median of " + RUNS + " runs, ms)",
                String.format("%,d", smallSize), String.format("%,d", largeSize), "ratio");
        small.forEach((name, ms) -> System.out.printf("BENCH %-48s %12.1f %12.1f %7.2f%n", name, ms,
                large.get(name), large.get(name) / ms));
    }

    /** Adds leads from {@code loaded} up to {@code size}, timing the queries every {@code timedEvery}; the last times. */
    private Map<String, Double> loadAndMeasureUpTo(long size, long loaded, long timedEvery) {
        Map<String, Double> times = Map.of();
        for (int step = 1; loaded < size; step++) {
            long next = Math.min(size, loaded + timedEvery);
            times = loadAndMeasure(new LeadEventGenerator(step == 1 ? "B" : "B" + step), next - loaded, next);
            loaded = next;
        }
        return times;
    }

    private Map<String, Double> loadAndMeasure(LeadEventGenerator generator, long count, long total) {
        long started = System.nanoTime();
        long events = 0;
        long catchUpNanos = 0;
        for (long first = 0; first < count; first += CATCH_UP_EVERY) {
            long last = Math.min(count, first + CATCH_UP_EVERY);
            List<List<EventEnvelope>> leads = new ArrayList<>();
            for (long i = first; i < last; i++) {
                leads.add(generator.lead(i, count));
            }
            events += leads.stream().mapToLong(List::size).sum();
            Flux.fromIterable(leads)
                    .flatMap(lead -> Flux.fromIterable(lead).concatMap(readModels::applyLeadEvent).then(), CONCURRENCY)
                    .then().block(Duration.ofMinutes(30));
            long catchUpStarted = System.nanoTime();
            readModels.active().flushAll(Duration.ofMinutes(30));
            catchUpNanos += System.nanoTime() - catchUpStarted;
            if ((last / CATCH_UP_EVERY) % 5 == 0 || last == count) {
                System.out.printf("BENCH   loading: %,d of %,d leads, %,d events, %.0f s (%.0f s of it waiting for the cells)%n",
                        last, count, events, (System.nanoTime() - started) / 1e9, catchUpNanos / 1e9);
            }
        }
        long loaded = System.nanoTime();
        System.out.printf("BENCH %,d leads in all: %,d leads (%,d events) applied through the consumer's intake, the cells "
                + "caught up every %,d leads (%.1f s waiting for them), in %.1f s (%.0f events/s)%n", total, count, events,
                CATCH_UP_EVERY, catchUpNanos / 1e9, (loaded - started) / 1e9, events / ((loaded - started) / 1e9));
        timeRounds(WARMUP_ROUNDS);
        Map<String, List<Double>> times = timeRounds(RUNS);
        Map<String, Double> medians = new LinkedHashMap<>();
        times.forEach((name, runs) -> {
            medians.put(name, runs.stream().sorted().toList().get(RUNS / 2));
            System.out.printf("BENCH   %,d leads  %-48s %10.1f ms%n", total, name, medians.get(name));
        });
        return medians;
    }

    /** Round by round, each query once a round: a collection or a slow moment falls on every query alike. */
    private Map<String, List<Double>> timeRounds(int rounds) {
        Map<String, List<Double>> times = new LinkedHashMap<>();
        WebTestClient client = client();
        for (int round = 0; round < rounds; round++) {
            QUERIES.forEach((name, uri) -> {
                long t0 = System.nanoTime();
                client.get().uri("/api/analytics/" + uri).exchange().expectStatus().isOk()
                        .expectBody(String.class).returnResult();
                times.computeIfAbsent(name, n -> new ArrayList<>()).add((System.nanoTime() - t0) / 1e6);
            });
        }
        return times;
    }

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofMinutes(5))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
                .defaultHeader("Authorization", "Bearer "
                        + TOKENS.sign(new Caller("bench", Role.HQ, null, null), "analytics-service", Instant.now())).build();
    }
}
