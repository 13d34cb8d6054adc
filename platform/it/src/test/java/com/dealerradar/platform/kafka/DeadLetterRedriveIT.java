package com.dealerradar.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealerradar.events.EventEnvelope;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.InternalToken;
import com.dealerradar.platform.security.Role;
import com.dealerradar.testkit.RadarInfrastructure;
import com.dealerradar.testkit.ServiceClients;
import com.dealerradar.testkit.SharedInfrastructure;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A record its listener cannot handle is parked, listed with its failure, and once the cause is fixed
 * re-driven through the service's admin endpoint: handled exactly once, and gone from the list, so a
 * second re-drive publishes nothing.
 */
@SpringBootTest(classes = DeadLetterRedriveIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=" + DeadLetterRedriveIT.AUDIENCE, "radar.kafka.retry-backoff=20ms"})
@RadarInfrastructure
class DeadLetterRedriveIT {

    /** The application name, which is also the audience its tokens must name. */
    static final String AUDIENCE = "dead-letter-redrive-it";
    private static final InternalToken TOKENS = new InternalToken(SharedInfrastructure.INTERNAL_TOKEN_SECRET);

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        BrokenUntilFixedListener brokenUntilFixedListener() {
            return new BrokenUntilFixedListener();
        }
    }

    /** Fails every event until {@link #fixed}, as a bug would until its fix is deployed. */
    static class BrokenUntilFixedListener {
        final AtomicBoolean fixed = new AtomicBoolean();
        final Map<String, Integer> handled = new ConcurrentHashMap<>();

        @KafkaListener(topics = "#{@topics.defeats()}", groupId = "dead-letter-redrive-it")
        void on(EventEnvelope event) {
            if (!fixed.get()) {
                throw new IllegalStateException("no handler for " + event.type() + " yet");
            }
            handled.merge(event.id(), 1, Integer::sum);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, CloudEvent> eventTemplate;
    @Autowired
    BrokenUntilFixedListener listener;
    @Autowired
    TopicNames topics;

    @Test
    void aParkedRecordIsListedThenReDrivenOnceItsCauseIsFixed() {
        String id = "parked-" + UUID.randomUUID();
        send(id);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> admin().get().uri("/api/admin/dead-letters")
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(1)
                .jsonPath("$.letters[0].eventId").isEqualTo(id)
                .jsonPath("$.letters[0].originalTopic").isEqualTo(topics.defeats())
                .jsonPath("$.letters[0].consumerGroup").isEqualTo("dead-letter-redrive-it")
                .jsonPath("$.letters[0].failure").value(failure -> assertThat(failure.toString()).contains("no handler")));

        listener.fixed.set(true);
        admin().post().uri("/api/admin/dead-letters/redrive").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.redriven").isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> listener.handled.containsKey(id));

        admin().post().uri("/api/admin/dead-letters/redrive").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.redriven").isEqualTo(0);
        admin().get().uri("/api/admin/dead-letters").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(0);
        assertThat(listener.handled).containsEntry(id, 1);
    }

    @Test
    void onlyAnAdminMayReadOrReDriveDeadLetters() {
        WebTestClient hq = ServiceClients.withToken(port, TOKENS.sign(new Caller("hq", Role.HQ, null, null), AUDIENCE, Instant.now()));
        hq.get().uri("/api/admin/dead-letters").exchange().expectStatus().isForbidden();
        hq.post().uri("/api/admin/dead-letters/redrive").exchange().expectStatus().isForbidden();
        admin().get().uri("/api/admin/dead-letters?limit=0").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
    }

    private WebTestClient admin() {
        return ServiceClients.withToken(port, TOKENS.sign(new Caller("admin", Role.ADMIN, null, null), AUDIENCE, Instant.now()));
    }

    private void send(String id) {
        CloudEvent event = CloudEventBuilder.v1().withId(id).withSource(URI.create("/tests"))
                .withType("radar.defeat.reported.v1").withSubject(id).withTime(OffsetDateTime.now())
                .withData("application/json", "{}".getBytes()).build();
        eventTemplate.send(topics.defeats(), id, event).join();
    }
}
