package com.dealerradar.analytics;

import static com.dealerradar.analytics.support.AnalyticsReads.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealerradar.analytics.support.AnalyticsReads;
import com.dealerradar.analytics.support.DataSets;
import com.dealerradar.analytics.support.Events;
import com.dealerradar.analytics.support.Rebuilds;
import com.dealerradar.analytics.support.TopicPublisher;
import com.dealerradar.events.EventEnvelope;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.Role;
import com.dealerradar.testkit.Namespace;
import com.dealerradar.testkit.RadarInfrastructure;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * Through the real broker, every event published twice: the incrementally built read model, the
 * one rebuilt from the topics, and one rebuilt a second time answer every endpoint identically; each
 * rebuild leaves only the generation it built. Then measures how long a new lead takes to show in analytics.
 */
// Chunks of 3 dealer-days (rounds of 60), so that a flush here runs in several chunks and rounds, as a history import does.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "radar.analytics.flush-chunk=3")
@RadarInfrastructure
class RebuildIT {

    @LocalServerPort
    int port;
    @Autowired
    ReactiveMongoTemplate mongo;

    private final Namespace namespace = Namespace.of(getClass());

    @Test
    void theRebuiltReadModelEqualsTheIncrementalOneAndReplayingTwiceChangesNothing() {
        AnalyticsReads reads = new AnalyticsReads(port);
        Rebuilds rebuilds = new Rebuilds(reads);
        List<EventEnvelope> events = new ArrayList<>();
        events.addAll(DataSets.funnel());
        events.addAll(DataSets.defeats(OffsetDateTime.parse("2026-11-20T10:00:00+08:00"),
                OffsetDateTime.parse("2099-01-01T10:00:00+08:00")));
        events.addAll(DataSets.prospects());
        try (TopicPublisher topics = new TopicPublisher(namespace)) {
            for (EventEnvelope dealer : DataSets.directory()) {
                topics.dealer(dealer);
                topics.dealer(dealer);
            }
            for (EventEnvelope event : events) {
                topics.event(event);
                topics.event(event);
            }
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                reads.client(ADMIN).get().uri("/api/analytics/structure").exchange().expectStatus().isOk().expectBody()
                        .jsonPath("$.captured").isEqualTo(22 + 20 + 10 + 400)
                        .jsonPath("$.won").isEqualTo(7 + 24 + 2 + 30 + 15)
                        .jsonPath("$.defeated").isEqualTo(3));
        List<String> incremental = reads.settledSnapshot();
        long published = 2L * (DataSets.directory().size() + events.size());

        String first = rebuilds.start();
        reads.client(ADMIN).post().uri("/api/analytics/rebuild").exchange().expectStatus().isEqualTo(409)
                .expectBody().returnResult();
        String firstStatus = rebuilds.awaitEnd(first);
        assertThat(JsonPath.<String>read(firstStatus, "$.state")).as(firstStatus).isEqualTo("SWITCHED");
        assertThat(JsonPath.<Number>read(firstStatus, "$.events").longValue()).isEqualTo(published);
        assertThat(JsonPath.<List<Map<String, Number>>>read(firstStatus, "$.topics")).hasSize(4)
                .allSatisfy(topic -> assertThat(topic.get("done")).isEqualTo(topic.get("target")));
        assertThat(JsonPath.<String>read(firstStatus, "$.finishedAt")).isNotNull();
        assertThat(reads.snapshot()).containsExactlyElementsOf(incremental);
        assertThat(factCollections()).containsExactly("lead_facts_" + generationOf(first));

        String second = rebuilds.start();
        assertThat(JsonPath.<String>read(rebuilds.awaitEnd(second), "$.state")).isEqualTo("SWITCHED");
        assertThat(reads.snapshot()).containsExactlyElementsOf(incremental);
        assertThat(factCollections()).containsExactly("lead_facts_" + generationOf(second));
        reads.client(ADMIN).get().uri("/api/analytics/rebuild").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(generationOf(second));

        Caller hq = new Caller("hq", Role.HQ, null, null);
        reads.client(hq).post().uri("/api/analytics/rebuild").exchange().expectStatus().isForbidden()
                .expectBody().returnResult();
        reads.client(hq).get().uri(second).exchange().expectStatus().isForbidden().expectBody().returnResult();
        reads.client(ADMIN).get().uri("/api/analytics/rebuild/g-unknown").exchange().expectStatus().isNotFound()
                .expectBody().returnResult();
    }

    @Test
    void aNewLeadShowsInAnalyticsWithinASecond() {
        AnalyticsReads reads = new AnalyticsReads(port);
        String dealer = "D-FRESH-01";
        Events events = new Events();
        List<Long> lags = new ArrayList<>();
        try (TopicPublisher topics = new TopicPublisher(namespace)) {
            topics.dealer(Events.dealer(dealer, "Xilingol"));
            for (int i = 0; i < 21; i++) {
                EventEnvelope captured = events.captured(Events.Lead.of("fresh-" + i, dealer, "Xilingol",
                        OffsetDateTime.parse("2026-10-01T10:00:00+08:00")));
                long sent = System.nanoTime();
                topics.event(captured);
                int expected = i + 1;
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).untilAsserted(() ->
                        reads.client(ADMIN).get().uri("/api/analytics/structure?dealerId=" + dealer).exchange()
                                .expectBody().jsonPath("$.captured").isEqualTo(expected));
                if (i > 0) {
                    lags.add(Duration.ofNanos(System.nanoTime() - sent).toMillis());
                }
            }
        }
        List<Long> sorted = lags.stream().sorted().toList();
        System.out.printf("analytics freshness over %d leads: median %d ms, max %d ms%n", sorted.size(),
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
        assertThat(sorted.get(sorted.size() / 2)).isLessThan(1000);
    }

    private static String generationOf(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** The fact collections in the store: one per generation that exists. */
    private List<String> factCollections() {
        return mongo.getCollectionNames().filter(name -> name.startsWith("lead_facts")).collectList().block();
    }
}
