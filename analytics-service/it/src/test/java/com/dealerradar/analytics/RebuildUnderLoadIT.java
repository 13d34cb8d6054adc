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
import com.dealerradar.testkit.Namespace;
import com.dealerradar.testkit.RadarInfrastructure;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A rebuild while leads keep arriving (every event published twice): the dashboards answer throughout,
 * with every lead that was there before; once the rebuild has switched and the load stopped, every lead
 * of the load is counted exactly once, and the model equals one rebuilt with no load at all (which
 * RebuildIT holds equal to the incremental one).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "radar.analytics.flush-chunk=3")
@RadarInfrastructure
class RebuildUnderLoadIT {

    private static final String LOAD_DEALER = "D-LOAD-01";
    private static final String LOAD_REGION = "Xilingol";
    private static final int BASE_CAPTURED = 22 + 20 + 10 + 400;
    /** Leads published after the rebuild ended, so that the load spans the switch and the catch-up after it. */
    private static final int AFTER_END = 20;
    private static final Duration PACE = Duration.ofMillis(50);

    @LocalServerPort
    int port;
    @Autowired
    ReactiveMongoTemplate mongo;

    private final Namespace namespace = Namespace.of(getClass());

    @Test
    void aRebuildUnderLiveLoadEndsWithEveryEventCountedOnce() throws Exception {
        AnalyticsReads reads = new AnalyticsReads(port);
        Rebuilds rebuilds = new Rebuilds(reads);
        try (TopicPublisher topics = new TopicPublisher(namespace)) {
            DataSets.directory().forEach(topics::dealer);
            topics.dealer(Events.dealer(LOAD_DEALER, LOAD_REGION));
            List<EventEnvelope> base = new ArrayList<>(DataSets.funnel());
            base.addAll(DataSets.defeats(OffsetDateTime.parse("2026-11-20T10:00:00+08:00"),
                    OffsetDateTime.parse("2099-01-01T10:00:00+08:00")));
            base.addAll(DataSets.prospects());
            base.forEach(topics::event);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                reads.client(ADMIN).get().uri("/api/analytics/structure").exchange().expectBody()
                        .jsonPath("$.captured").isEqualTo(BASE_CAPTURED));

        AtomicBoolean rebuildEnded = new AtomicBoolean();
        AtomicInteger published = new AtomicInteger();
        CompletableFuture<Void> load = CompletableFuture.runAsync(() -> publishLoad(rebuildEnded, published));
        await().atMost(Duration.ofSeconds(30)).until(() -> published.get() >= 20);

        String location = rebuilds.start();
        AtomicReference<String> status = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(100)).until(() -> {
            assertThat(captured(reads)).as("the live model serves, whole, during the rebuild")
                    .isGreaterThanOrEqualTo(BASE_CAPTURED);
            status.set(reads.client(ADMIN).get().uri(location).exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody());
            return !"RUNNING".equals(JsonPath.read(status.get(), "$.state"));
        });
        rebuildEnded.set(true);
        load.get(60, TimeUnit.SECONDS);
        assertThat(JsonPath.<String>read(status.get(), "$.state")).as(status.get()).isEqualTo("SWITCHED");
        assertThat(published.get()).as("leads published during the rebuild").isGreaterThan(AFTER_END + 20);

        int leads = published.get();
        int won = (leads + 2) / 3;
        String facts = "lead_facts_" + JsonPath.read(status.get(), "$.id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(capturedFactsOfTheLoad(facts)).as("load leads with a captured fact in " + facts)
                        .isEqualTo(leads));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                reads.client(ADMIN).get().uri("/api/analytics/funnel?groupBy=dealer&dealerId=" + LOAD_DEALER).exchange()
                        .expectStatus().isOk().expectBody()
                        .jsonPath("$.total.traffic").isEqualTo(leads)
                        .jsonPath("$.total.kept").isEqualTo(leads)
                        .jsonPath("$.total.followed").isEqualTo(leads)
                        .jsonPath("$.total.won").isEqualTo(won));
        assertThat(captured(reads)).isEqualTo(BASE_CAPTURED + leads);
        List<String> rebuiltUnderLoad = reads.settledSnapshot();

        String quiet = rebuilds.start();
        assertThat(JsonPath.<String>read(rebuilds.awaitEnd(quiet), "$.state")).isEqualTo("SWITCHED");
        assertThat(reads.snapshot()).containsExactlyElementsOf(rebuiltUnderLoad);
    }

    private long capturedFactsOfTheLoad(String collection) {
        return mongo.count(Query.query(Criteria.where("dealerId").is(LOAD_DEALER).and("day").ne(null)), collection)
                .block();
    }

    /**
     * Leads of one dealer, each captured, reached and every third won, every event twice, one lead every
     * {@link #PACE} (a steady load the replay can catch up with on a shared machine), until a while after the rebuild.
     */
    private void publishLoad(AtomicBoolean rebuildEnded, AtomicInteger published) {
        Events events = new Events();
        OffsetDateTime day = OffsetDateTime.parse("2026-10-01T10:00:00+08:00");
        int afterEnd = 0;
        try (TopicPublisher topics = new TopicPublisher(namespace)) {
            for (int i = 0; afterEnd < AFTER_END; i++) {
                String leadId = "load-" + i;
                OffsetDateTime at = day.plusDays(i % 20);
                List<EventEnvelope> lead = new ArrayList<>(List.of(
                        events.captured(Events.Lead.of(leadId, LOAD_DEALER, LOAD_REGION, at)),
                        events.followUp(leadId, LOAD_DEALER, LOAD_REGION, true, at.plusMinutes(15), 15L)));
                if (i % 3 == 0) {
                    lead.add(events.won(leadId, at.plusDays(2)));
                }
                for (EventEnvelope event : lead) {
                    topics.event(event);
                    topics.event(event);
                }
                published.incrementAndGet();
                if (rebuildEnded.get()) {
                    afterEnd++;
                }
                Thread.sleep(PACE.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int captured(AnalyticsReads reads) {
        String body = reads.client(ADMIN).get().uri("/api/analytics/structure").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return JsonPath.<Integer>read(body, "$.captured");
    }
}
