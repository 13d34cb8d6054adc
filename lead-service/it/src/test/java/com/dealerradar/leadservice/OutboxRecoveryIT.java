package com.dealerradar.leadservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.events.Topics;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.InternalToken;
import com.dealerradar.platform.security.Role;
import com.dealerradar.testkit.EmbeddedKafka;
import com.dealerradar.testkit.Namespace;
import com.dealerradar.testkit.RadarInfrastructure;
import com.dealerradar.testkit.SharedInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A write accepted while Kafka is down is published once Kafka is back: the outbox keeps it meanwhile. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "radar.outbox.sweep-interval=500ms")
@RadarInfrastructure
class OutboxRecoveryIT {

    private static final InternalToken TOKENS = new InternalToken(SharedInfrastructure.INTERNAL_TOKEN_SECRET);

    @LocalServerPort
    int port;

    @Test
    void eventsWrittenWhileTheBrokerIsDownArePublishedWhenItReturns() {
        WebTestClient admin = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .defaultHeader("Authorization", "Bearer "
                        + TOKENS.sign(new Caller("admin", Role.ADMIN, null, null), "lead-service", Instant.now()))
                .build();
        admin.post().uri("/api/dealers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("dealerId", "D-OUT", "name", "Baotou Motors", "region", "Baotou"))
                .exchange().expectStatus().isCreated();
        assertThat(leadEventIds(Duration.ofSeconds(5), 0)).isEmpty();

        EmbeddedKafka kafka = SharedInfrastructure.get().kafka();
        kafka.stop();
        try {
            for (int i = 0; i < 3; i++) {
                admin.post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(("""
                                {"dealerId": "D-OUT", "externalRef": "down-%d", "occurredAt": "2026-11-02T10:05:00+08:00",
                                 "channel": "PHONE", "contactRetained": false, "customer": {"kind": "INDIVIDUAL"}}
                                """).formatted(i))
                        .exchange().expectStatus().isCreated();
            }
        } finally {
            kafka.start();
        }

        // At least once on the wire, exactly once in effect: consumers dedupe on the event id.
        assertThat(new java.util.HashSet<>(leadEventIds(Duration.ofSeconds(40), 3))).hasSize(3);
    }

    private List<String> leadEventIds(Duration wait, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> ids = new java.util.ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Namespace.of(getClass()).topic(Topics.LEADS)));
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline && (expected == 0 || ids.size() < expected)) {
                consumer.poll(Duration.ofMillis(250)).forEach(r -> ids.add(
                        new String(r.headers().lastHeader("ce_id").value(), java.nio.charset.StandardCharsets.UTF_8)));
            }
        }
        return ids;
    }
}
