package com.dealerradar.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.events.Topics;
import com.dealerradar.testkit.Namespace;
import com.dealerradar.testkit.RadarInfrastructure;
import com.dealerradar.testkit.SharedInfrastructure;
import com.mongodb.MongoTimeoutException;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.event.ConsumerPausedEvent;

/**
 * A listener on the embedded broker, with the platform's error handling: a record whose handling fails
 * because the store is away is retried until the store answers (however many tries that takes) and
 * never parked, its consumer paused between the tries; a record that fails the same way every time is
 * parked in the dead-letter topic.
 */
@SpringBootTest(classes = ListenerFaultsIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=listener-faults-it", "radar.kafka.retry-backoff=20ms",
                "radar.kafka.transient-backoff-max=100ms"})
@RadarInfrastructure
class ListenerFaultsIT {

    /** Far more than the three tries a poison record gets. */
    private static final int STORE_AWAY_FOR_TRIES = 12;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        FlakyListener flakyListener() {
            return new FlakyListener();
        }

        @Bean
        PauseCount pauseCount() {
            return new PauseCount();
        }
    }

    /** How often a listener's consumer was paused: between the tries of a failed record, it should be. */
    static class PauseCount {
        final AtomicInteger pauses = new AtomicInteger();

        @EventListener
        void on(ConsumerPausedEvent paused) {
            pauses.incrementAndGet();
        }
    }

    /** Fails "store-away-*" events {@link #STORE_AWAY_FOR_TRIES} times as a lost store would, "poison-*" events always. */
    static class FlakyListener {
        final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
        final Map<String, Integer> handled = new ConcurrentHashMap<>();

        @KafkaListener(topics = "#{@topics.leads()}", groupId = "listener-faults")
        void on(CloudEvent event) {
            int attempt = tries.computeIfAbsent(event.getId(), id -> new AtomicInteger()).incrementAndGet();
            if (event.getId().startsWith("poison-")) {
                throw new IllegalStateException("cannot handle " + event.getId());
            }
            if (event.getId().startsWith("store-away-") && attempt <= STORE_AWAY_FOR_TRIES) {
                throw new DataAccessResourceFailureException("store away",
                        new MongoTimeoutException("Timed out while waiting for a server"));
            }
            handled.merge(event.getId(), 1, Integer::sum);
        }
    }

    @Autowired
    KafkaTemplate<String, CloudEvent> eventTemplate;
    @Autowired
    FlakyListener listener;
    @Autowired
    TopicNames topics;
    @Autowired
    PauseCount pauseCount;

    @Test
    void aRecordFailingWhileTheStoreIsAwayIsRetriedUntilItPassesAndNeverParked() {
        String id = "store-away-" + UUID.randomUUID();
        pauseCount.pauses.set(0);
        send(id);

        awaitTrue(() -> listener.handled.containsKey(id));
        assertThat(listener.tries.get(id).get()).isEqualTo(STORE_AWAY_FOR_TRIES + 1);
        assertThat(listener.handled.get(id)).isEqualTo(1);
        assertThat(pauseCount.pauses).as("the consumer paused between tries, not asleep").hasPositiveValue();
        assertThat(deadLetterIds(Duration.ofSeconds(3))).doesNotContain(id);
    }

    @Test
    void aRecordFailingTheSameWayEveryTimeIsParkedAfterItsTries() {
        String id = "poison-" + UUID.randomUUID();
        send(id);

        awaitTrue(() -> deadLetterIds(Duration.ofSeconds(1)).contains(id));
        assertThat(listener.tries.get(id).get()).isEqualTo(3);
        assertThat(listener.handled).doesNotContainKey(id);
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 60 s").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void send(String id) {
        CloudEvent event = CloudEventBuilder.v1().withId(id).withSource(URI.create("/tests"))
                .withType("radar.lead.captured.v1").withTime(OffsetDateTime.now())
                .withData("application/json", "{}".getBytes()).build();
        eventTemplate.send(topics.leads(), id, event).join();
    }

    private List<String> deadLetterIds(Duration pollFor) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Namespace.of(ListenerFaultsIT.class).topic(Topics.deadLetterOf(Topics.LEADS))));
            List<String> ids = new ArrayList<>();
            consumer.poll(pollFor).forEach(record -> ids.add(record.key()));
            return ids;
        }
    }
}
