package com.dealerradar.lead;

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
                .defaultHeader("Authorization", "Bearer " + TOKENS.sign(new Caller("admin", Role.ADMIN, null, null), Instant.now()))
                .build();
        admin.post().uri("/api/dealers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("dealerId", "D-OUT", "name", "Baotou Motors", "region", "Baotou"))
                .exchange().expectStatus().isCreated();
        assertThat(countLeadEvents(Duration.ofSeconds(5), 0)).isZero();

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

        assertThat(countLeadEvents(Duration.ofSeconds(40), 3)).isEqualTo(3);
    }

    private long countLeadEvents(Duration wait, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        long count = 0;
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Namespace.of(getClass()).topic(Topics.LEADS)));
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline && (expected == 0 || count < expected)) {
                count += consumer.poll(Duration.ofMillis(250)).count();
            }
            // Anything beyond the expected number would be a duplicate: give it a moment to show.
            count += consumer.poll(Duration.ofSeconds(1)).count();
        }
        return count;
    }
}
