package com.dealerradar.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealerradar.analytics.support.DataSets;
import com.dealerradar.analytics.support.Events;
import com.dealerradar.events.CloudEventCodec;
import com.dealerradar.events.EventEnvelope;
import com.dealerradar.events.Topics;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.InternalToken;
import com.dealerradar.platform.security.Role;
import com.dealerradar.testkit.Namespace;
import com.dealerradar.testkit.RadarInfrastructure;
import com.dealerradar.testkit.ServiceClients;
import com.dealerradar.testkit.SharedInfrastructure;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Through the real broker, every event published twice: the incrementally built read model, the
 * one rebuilt from the topics, and one rebuilt a second time answer every endpoint identically.
 * Then measures how long a new lead takes to show in analytics.
 */
// Chunks of 3 dealer-days, so that every flush here runs in several chunks, as a history import does.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "radar.analytics.flush-chunk=3")
@RadarInfrastructure
class RebuildIT {

    private static final InternalToken TOKENS = new InternalToken(SharedInfrastructure.INTERNAL_TOKEN_SECRET);
    private static final Caller ADMIN = new Caller("admin", Role.ADMIN, null, null);
    private static final List<String> READS = reads();

    @LocalServerPort
    int port;

    private final Namespace namespace = Namespace.of(getClass());

    private static List<String> reads() {
        List<String> reads = new ArrayList<>(List.of("structure", "channels", "defeats",
                "structure?region=Chifeng&from=2026-09-01&to=2026-09-30"));
        for (String groupBy : List.of("dealer", "region", "channel", "model", "industry", "consultant")) {
            reads.add("funnel?groupBy=" + groupBy);
        }
        for (String groupBy : List.of("dealer", "channel", "consultant")) {
            reads.add("response-times?groupBy=" + groupBy);
        }
        for (String dimension : List.of("industry", "model", "channel")) {
            reads.add("comparison?dimension=" + dimension);
        }
        for (String dimension : List.of("industry", "model", "industryModel")) {
            reads.add("missed-prospects?region=Chifeng&dimension=" + dimension);
        }
        for (String metric : List.of("closeRate", "keepRate", "followRate", "convertRate")) {
            reads.add("dealers/benchmark?metric=" + metric);
        }
        return reads;
    }

    @Test
    void theRebuiltReadModelEqualsTheIncrementalOneAndReplayingTwiceChangesNothing() throws Exception {
        try (KafkaProducer<String, CloudEvent> producer = producer()) {
            for (EventEnvelope dealer : DataSets.directory()) {
                publishTwice(producer, Topics.DIRECTORY, dealer.subject(), dealer);
            }
            List<EventEnvelope> events = new ArrayList<>();
            events.addAll(DataSets.funnel());
            events.addAll(DataSets.defeats(OffsetDateTime.parse("2026-11-20T10:00:00+08:00"),
                    OffsetDateTime.parse("2099-01-01T10:00:00+08:00")));
            events.addAll(DataSets.prospects());
            for (EventEnvelope event : events) {
                publishTwice(producer, topicOf(event), leadIdOf(event), event);
            }
            producer.flush();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                client(ADMIN).get().uri("/api/analytics/structure").exchange().expectStatus().isOk().expectBody()
                        .jsonPath("$.captured").isEqualTo(22 + 20 + 10 + 400)
                        .jsonPath("$.won").isEqualTo(7 + 24 + 2 + 30 + 15)
                        .jsonPath("$.defeated").isEqualTo(3));
        List<String> incremental = settledSnapshot();

        rebuild();
        assertThat(snapshot()).containsExactlyElementsOf(incremental);
        rebuild();
        assertThat(snapshot()).containsExactlyElementsOf(incremental);

        client(new Caller("hq", Role.HQ, null, null)).post().uri("/api/analytics/rebuild").exchange()
                .expectStatus().isForbidden().expectBody().returnResult();
    }

    @Test
    void aNewLeadShowsInAnalyticsWithinASecond() throws Exception {
        String dealer = "D-FRESH-01";
        Events events = new Events();
        List<Long> lags = new ArrayList<>();
        try (KafkaProducer<String, CloudEvent> producer = producer()) {
            publish(producer, Topics.DIRECTORY, dealer, Events.dealer(dealer, "Xilingol"));
            for (int i = 0; i < 21; i++) {
                EventEnvelope captured = events.captured(Events.Lead.of("fresh-" + i, dealer, "Xilingol",
                        OffsetDateTime.parse("2026-10-01T10:00:00+08:00")));
                long sent = System.nanoTime();
                publish(producer, Topics.LEADS, captured.subject(), captured);
                int expected = i + 1;
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).untilAsserted(() ->
                        client(ADMIN).get().uri("/api/analytics/structure?dealerId=" + dealer).exchange()
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

    private void rebuild() {
        client(ADMIN).post().uri("/api/analytics/rebuild").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.events").isNumber()
                .jsonPath("$.groups").isNumber();
    }

    /** Waits until two snapshots a second apart agree: the live listener has caught up with the topics. */
    private List<String> settledSnapshot() {
        AtomicReference<List<String>> last = new AtomicReference<>(List.of());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            List<String> now = snapshot();
            return now.equals(last.getAndSet(now));
        });
        return last.get();
    }

    private List<String> snapshot() {
        return READS.stream().map(read -> client(ADMIN).get().uri("/api/analytics/" + read).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody()).toList();
    }

    private static String topicOf(EventEnvelope event) {
        return switch (event.source()) {
            case "/followup-service" -> Topics.FOLLOWUPS;
            case "/defeat-service" -> Topics.DEFEATS;
            default -> Topics.LEADS;
        };
    }

    private static String leadIdOf(EventEnvelope event) {
        return switch (event.source()) {
            case "/followup-service" -> com.dealerradar.events.EventJson.read(event.data(),
                    com.dealerradar.events.followup.FollowUpRecorded.class).leadId();
            case "/defeat-service" -> event.subject().substring(2);
            default -> event.subject();
        };
    }

    private KafkaProducer<String, CloudEvent> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafka().bootstrapServers(),
                CloudEventSerializer.ENCODING_CONFIG, "BINARY"), new StringSerializer(), new CloudEventSerializer());
    }

    private void publishTwice(KafkaProducer<String, CloudEvent> producer, String topic, String key, EventEnvelope event) {
        publish(producer, topic, key, event);
        publish(producer, topic, key, event);
    }

    private void publish(KafkaProducer<String, CloudEvent> producer, String topic, String key, EventEnvelope event) {
        try {
            producer.send(new ProducerRecord<>(namespace.topic(topic), key, CloudEventCodec.toCloudEvent(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private WebTestClient client(Caller caller) {
        return ServiceClients.withToken(port, TOKENS.sign(caller, "analytics-service", Instant.now()));
    }
}
