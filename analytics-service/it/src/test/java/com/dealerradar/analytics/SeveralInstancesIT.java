package com.dealerradar.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealerradar.analytics.support.DataSets;
import com.dealerradar.events.CloudEventCodec;
import com.dealerradar.events.EventEnvelope;
import com.dealerradar.events.EventJson;
import com.dealerradar.events.Topics;
import com.dealerradar.events.followup.FollowUpRecorded;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.InternalToken;
import com.dealerradar.platform.security.Role;
import com.dealerradar.testkit.Endpoints;
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
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Two analytics instances sharing the partitions of one set of topics and one store, against a single
 * instance fed the same events in a namespace of its own: every endpoint answers the same in all three.
 * The two recompute the same cells concurrently; the version check on each cell keeps either from
 * writing over the other with older children.
 */
@RadarInfrastructure
class SeveralInstancesIT {

    private static final InternalToken TOKENS = new InternalToken(SharedInfrastructure.INTERNAL_TOKEN_SECRET);
    private static final Caller ADMIN = new Caller("admin", Role.ADMIN, null, null);
    private static final List<String> READS = List.of("structure", "channels", "defeats",
            "funnel?groupBy=dealer", "funnel?groupBy=region", "funnel?groupBy=channel", "funnel?groupBy=model",
            "funnel?groupBy=industry", "funnel?groupBy=consultant", "response-times?groupBy=dealer",
            "response-times?groupBy=channel", "response-times?groupBy=consultant", "comparison?dimension=industry",
            "comparison?dimension=model", "missed-prospects?region=Chifeng&dimension=industry",
            "missed-prospects?region=Chifeng&dimension=industryModel", "dealers/benchmark?metric=closeRate",
            "structure?region=Chifeng&from=2026-09-01&to=2026-09-30",
            "funnel?groupBy=channel&from=2026-11-02&to=2026-11-20");

    private final Namespace shared = Namespace.of(getClass());
    private final Namespace single = new Namespace(shared.id() + "s");

    @Test
    void twoInstancesSharingThePartitionsAnswerAsOneDoes() {
        try (ConfigurableApplicationContext first = start(shared);
                ConfigurableApplicationContext second = start(shared);
                ConfigurableApplicationContext alone = start(single)) {
            // The group rebalances as each instance joins; on a loaded machine that takes a while.
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(assigned(first)).as("partitions of the first instance").isPositive();
                assertThat(assigned(second)).as("partitions of the second instance").isPositive();
            });
            publish(shared);
            publish(single);

            List<String> expected = settled(port(alone));
            assertThat(expected.get(0)).contains("\"captured\":" + (22 + 20 + 10 + 400));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(snapshot(port(first))).containsExactlyElementsOf(expected);
                assertThat(snapshot(port(second))).containsExactlyElementsOf(expected);
            });
        }
    }

    private ConfigurableApplicationContext start(Namespace namespace) {
        Endpoints endpoints = Endpoints.of(getClass());
        // As arguments: they outrank the application's own defaults, as the test customizer's properties do.
        return new SpringApplicationBuilder(AnalyticsServiceApplication.class).run(
                "--spring.mongodb.uri=" + endpoints.mongoUri(),
                "--spring.mongodb.database=" + namespace.database(),
                "--spring.kafka.bootstrap-servers=" + endpoints.kafkaBootstrapServers(),
                "--radar.kafka.topic-prefix=" + namespace.topicPrefix(),
                "--radar.security.internal-token-secret=" + SharedInfrastructure.INTERNAL_TOKEN_SECRET,
                "--server.port=0",
                "--server.address=127.0.0.1");
    }

    private static int assigned(ConfigurableApplicationContext context) {
        MessageListenerContainer container = context.getBean(KafkaListenerEndpointRegistry.class)
                .getListenerContainer("analytics-lead-events");
        return container == null || container.getAssignedPartitions() == null ? 0
                : container.getAssignedPartitions().size();
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private void publish(Namespace namespace) {
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Endpoints.of(getClass()).kafkaBootstrapServers(),
                CloudEventSerializer.ENCODING_CONFIG, "BINARY"), new StringSerializer(), new CloudEventSerializer())) {
            for (EventEnvelope dealer : DataSets.directory()) {
                send(producer, namespace.topic(Topics.DIRECTORY), dealer.subject(), dealer);
            }
            List<EventEnvelope> events = new ArrayList<>();
            events.addAll(DataSets.funnel());
            events.addAll(DataSets.defeats(OffsetDateTime.parse("2026-11-20T10:00:00+08:00"),
                    OffsetDateTime.parse("2099-01-01T10:00:00+08:00")));
            events.addAll(DataSets.prospects());
            for (EventEnvelope event : events) {
                send(producer, namespace.topic(topicOf(event)), leadIdOf(event), event);
            }
            producer.flush();
        }
    }

    private static void send(KafkaProducer<String, CloudEvent> producer, String topic, String key, EventEnvelope event) {
        try {
            producer.send(new ProducerRecord<>(topic, key, CloudEventCodec.toCloudEvent(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until two snapshots a second apart agree and the data has arrived. */
    private List<String> settled(int port) {
        AtomicReference<List<String>> last = new AtomicReference<>(List.of());
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            List<String> now = snapshot(port);
            return now.get(0).contains("\"captured\":452") && now.equals(last.getAndSet(now));
        });
        return last.get();
    }

    private static List<String> snapshot(int port) {
        return READS.stream().map(read -> ServiceClients.withToken(port,
                        TOKENS.sign(ADMIN, "analytics-service", Instant.now())).get()
                .uri("/api/analytics/" + read).exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody()).toList();
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
            case "/followup-service" -> EventJson.read(event.data(), FollowUpRecorded.class).leadId();
            case "/defeat-service" -> event.subject().substring(2);
            default -> event.subject();
        };
    }
}
