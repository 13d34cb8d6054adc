package com.dealerradar.analytics.bench;

import com.dealerradar.analytics.directory.DealerDirectory;
import com.dealerradar.analytics.fact.adapter.mongo.FactDocuments;
import com.dealerradar.analytics.fact.adapter.mongo.FactStore;
import com.dealerradar.analytics.fact.adapter.mongo.RollupStore;
import com.dealerradar.analytics.fact.domain.GroupKey;
import com.dealerradar.analytics.fact.domain.LeadFact;
import com.dealerradar.analytics.fact.domain.Rollup;
import com.dealerradar.analytics.fact.domain.RollupCalculator;
import com.dealerradar.analytics.fact.domain.RollupGrain;
import com.dealerradar.analytics.fact.domain.RollupSum;
import com.dealerradar.analytics.fact.domain.RollupView;
import com.dealerradar.events.EventEnvelope;
import com.dealerradar.events.EventJson;
import com.dealerradar.events.EventTypes;
import com.dealerradar.events.directory.DealerRegistered;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.InternalToken;
import com.dealerradar.platform.security.Role;
import com.dealerradar.testkit.RadarInfrastructure;
import com.dealerradar.testkit.SharedInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Loads a year of a 60-dealer group's leads into the read model, first 100,000 then up to 1,000,000,
 * and times every dashboard query over HTTP at both sizes. Facts are generated in the shape the
 * projection writes them but not stored (no dashboard query reads facts, and a million of them
 * with a million rollups do not fit the embedded in-memory store); every group's rollup is computed
 * from them with the same per-group
 * {@link RollupCalculator} the live projection and the rebuild use (and each month's from its days
 * with the same {@link RollupSum} the live recompute uses), then bulk-written: pushing a
 * million leads' events one by one through the projection would take hours on the embedded store,
 * which has no secondary indexes (each recompute scans the facts).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RadarInfrastructure
class AnalyticsBenchmark {

    private static final InternalToken TOKENS = new InternalToken(SharedInfrastructure.INTERNAL_TOKEN_SECRET);
    private static final int BATCH = 10_000;
    private static final int RUNS = 5;
    private static final int ROLLUP_BATCH = 5_000;
    private static final Map<String, String> QUERIES = queries();

    @LocalServerPort
    int port;
    @Autowired
    RollupStore rollups;
    @Autowired
    DealerDirectory directory;

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
        registerDealers();
        LeadFactGenerator generator = new LeadFactGenerator();
        long smallSize = Long.getLong("bench.small", 100_000);
        long largeSize = Long.getLong("bench.large", 1_000_000);
        Map<String, Double> small = loadAndMeasure(generator, smallSize);
        Map<String, Double> large = loadAndMeasure(generator, largeSize);
        System.out.printf("BENCH %-48s %12s %12s %7s%n", "query (median of " + RUNS + " runs, ms)",
                String.format("%,d", smallSize), String.format("%,d", largeSize), "ratio");
        small.forEach((name, ms) -> System.out.printf("BENCH %-48s %12.1f %12.1f %7.2f%n", name, ms, large.get(name),
                large.get(name) / ms));
    }

    private Map<String, Double> loadAndMeasure(LeadFactGenerator generator, long to) {
        long started = System.nanoTime();
        long groupCount = 0;
        for (RollupView view : RollupView.values()) {
            Map<GroupKey, List<LeadFact>> groups = new HashMap<>();
            for (long batch = 0; batch < to; batch += BATCH) {
                for (Document doc : generator.facts(batch, Math.min(to, batch + BATCH))) {
                    groups.computeIfAbsent(view.project(FactStore.groupOf(doc)), k -> new ArrayList<>())
                            .add(FactDocuments.toFact(doc));
                }
            }
            List<Rollup> days = groups.entrySet().stream()
                    .map(e -> RollupCalculator.of(e.getKey(), e.getValue(), view.openLeadsKept())).toList();
            groups.clear();
            Map<GroupKey, RollupSum> byMonth = new HashMap<>();
            days.forEach(day -> byMonth.computeIfAbsent(day.key().withDay(RollupGrain.monthOf(day.key().day())),
                    k -> new RollupSum()).add(day));
            List<Rollup> months = byMonth.entrySet().stream()
                    .map(e -> e.getValue().toRollup(e.getKey(), view.openLeadsKept())).toList();
            groupCount += save(view, RollupGrain.DAY, days) + save(view, RollupGrain.MONTH, months);
        }
        long groups = groupCount;
        long rolledUp = System.nanoTime();
        QUERIES.values().forEach(uri -> client().get().uri("/api/analytics/" + uri).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult());
        System.out.printf("BENCH %,d leads: %,d rollup groups (all views and grains) computed and written in %.1f s%n",
                to, groups, (rolledUp - started) / 1e9);
        Map<String, Double> medians = new LinkedHashMap<>();
        QUERIES.forEach((name, uri) -> {
            WebTestClient client = client();
            List<Double> times = new ArrayList<>();
            for (int run = 0; run < RUNS + 1; run++) {
                long t0 = System.nanoTime();
                client.get().uri("/api/analytics/" + uri).exchange().expectStatus().isOk()
                        .expectBody(String.class).returnResult();
                if (run > 0) {
                    times.add((System.nanoTime() - t0) / 1e6);
                }
            }
            medians.put(name, times.stream().sorted().toList().get(RUNS / 2));
            System.out.printf("BENCH   %,d leads  %-48s %10.1f ms%n", to, name, medians.get(name));
        });
        return medians;
    }

    private long save(RollupView view, RollupGrain grain, List<Rollup> computed) {
        for (int i = 0; i < computed.size(); i += ROLLUP_BATCH) {
            rollups.saveAll(view, grain, computed.subList(i, Math.min(computed.size(), i + ROLLUP_BATCH)))
                    .block(Duration.ofMinutes(5));
        }
        return computed.size();
    }

    private void registerDealers() {
        for (int region = 0; region < LeadFactGenerator.REGIONS.size(); region++) {
            for (int dealer = 0; dealer < LeadFactGenerator.DEALERS_PER_REGION; dealer++) {
                String dealerId = LeadFactGenerator.dealerId(region, dealer);
                String regionName = LeadFactGenerator.REGIONS.get(region);
                directory.apply(new EventEnvelope(UUID.randomUUID().toString(), "/directory",
                        EventTypes.DEALER_REGISTERED, dealerId, OffsetDateTime.now(), dealerId, regionName, 1,
                        EventJson.write(new DealerRegistered(dealerId, dealerId, regionName, "Changan")))).block();
            }
        }
    }

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofMinutes(5))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
                .defaultHeader("Authorization", "Bearer "
                        + TOKENS.sign(new Caller("bench", Role.HQ, null, null), Instant.now())).build();
    }
}
