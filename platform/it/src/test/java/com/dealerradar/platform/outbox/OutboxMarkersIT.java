package com.dealerradar.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealerradar.events.Topics;
import com.dealerradar.platform.kafka.TopicNames;
import com.dealerradar.platform.schedule.StoreLeases;
import com.dealerradar.platform.tracing.TraceContinuation;
import com.dealerradar.testkit.EmbeddedKafka;
import com.dealerradar.testkit.Namespace;
import com.dealerradar.testkit.RadarInfrastructure;
import com.dealerradar.testkit.SharedInfrastructure;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;
import reactor.core.publisher.Mono;

/**
 * The outbox on the embedded broker and store: what the relay could not publish at once is found
 * through the pending-outbox markers, and no marker is dropped while an event may still need it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = OutboxMarkersIT.App.class,
        properties = {"spring.application.name=outbox-test", "radar.outbox.sweep-interval=300ms",
                "radar.outbox.abandon-after=5s", "radar.outbox.send-timeout=10s"})
@RadarInfrastructure
class OutboxMarkersIT {

    private static final String THINGS = "things";
    private static final Duration WAIT = Duration.ofSeconds(40);

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        OutboxCollections outboxCollections() {
            return OutboxCollections.of(THINGS);
        }
    }

    private static KafkaConsumer<String, byte[]> consumer;
    private static final Set<String> published = new HashSet<>();

    @Autowired
    OutboxWrites writes;
    @Autowired
    OutboxMarkers markers;
    @Autowired
    OutboxRelay relay;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    TopicNames topics;
    @Autowired
    TraceContinuation traces;

    @BeforeAll
    static void listen() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Namespace.of(OutboxMarkersIT.class).topic(Topics.LEADS)));
    }

    @AfterAll
    static void close() {
        consumer.close();
    }

    @Test
    void eventsWrittenWhileTheBrokerIsAwayArePublishedByTheSweep() {
        List<String> eventIds = new ArrayList<>();
        EmbeddedKafka kafka = SharedInfrastructure.get().kafka();
        kafka.stop();
        try {
            for (int i = 0; i < 3; i++) {
                OutboxEvent event = event("away-" + i);
                eventIds.add(event.id());
                insertWithEvent("away-" + i, event);
            }
            assertThat(markerIds()).contains(OutboxMarkers.id(THINGS, "away-0"), OutboxMarkers.id(THINGS, "away-2"));
        } finally {
            kafka.start();
        }

        awaitPublished(eventIds);
        awaitNoMarkerFor("away-0", "away-1", "away-2");
        assertThat(outbox("away-1")).isEmpty();
    }

    /**
     * A send that never hears back (here: a producer that never answers) is given up after the relay's
     * send timeout, so that the aggregate is no longer in flight and the next publication sends its
     * event again, even one started from the very error signal that ends the first. A collection of its own,
     * which the context's sweeper leaves alone.
     */
    @Test
    void aSendThatNeverHearsBackIsGivenUpAndTheNextPublicationSendsItAgain() {
        String collection = "unheard_things";
        MockProducer<String, CloudEvent> silentBroker =
                new MockProducer<>(false, null, new StringSerializer(), (topic, event) -> new byte[0]);
        OutboxRelay relayOverSilence = new OutboxRelay(mongo, markers, new KafkaTemplate<>(new MockProducerFactory<>(() -> silentBroker)),
                topics, new SimpleMeterRegistry(), traces, Duration.ofMinutes(1), Duration.ofSeconds(1));
        OutboxEvent event = event("unheard");
        markers.mark(collection, "unheard", "unheard-token").block();
        mongo.insert(new Document("_id", "unheard").append(OutboxEvent.FIELD, List.of(event.toDocument()))
                .append(OutboxWrites.TOKEN, "unheard-token"), collection).block();

        AtomicReference<Throwable> givenUp = new AtomicReference<>();
        Mono<Integer> again = relayOverSilence.publish(collection, "unheard")
                .onErrorResume(e -> {
                    givenUp.set(e);
                    return relayOverSilence.publish(collection, "unheard");
                })
                .cache();
        again.subscribe();
        await().atMost(Duration.ofSeconds(10)).until(() -> silentBroker.history().size() == 2);
        silentBroker.completeNext();
        silentBroker.completeNext();

        assertThat(again.block(Duration.ofSeconds(10))).isEqualTo(1);
        assertThat(givenUp.get()).isInstanceOf(TimeoutException.class).hasMessageContaining("within 1000ms");
        assertThat(silentBroker.history()).extracting(record -> record.value().getId()).containsExactly(event.id(), event.id());
        assertThat(mongo.findById("unheard", Document.class, collection).block().getList(OutboxEvent.FIELD, Object.class)).isEmpty();
        assertThat(markerIds()).doesNotContain(OutboxMarkers.id(collection, "unheard"));
    }

    @Test
    void aMarkerRaisedAfterTheRelayReadItsCounterIsNotRemoved() {
        markers.mark(THINGS, "busy", "t1").block();
        long seenByRelay = markers.find(THINGS, "busy").block().orElseThrow().counter();
        // a writer adds an event while the relay publishes what it read
        markers.mark(THINGS, "busy", "t2").block();

        assertThat(markers.remove(THINGS, "busy", seenByRelay).block()).isFalse();
        assertThat(markers.find(THINGS, "busy").block().orElseThrow().counter()).isEqualTo(seenByRelay + 1);
        assertThat(markers.remove(THINGS, "busy", seenByRelay + 1).block()).isTrue();
    }

    @Test
    void aWriteMarkedBeforeAPublicationButLandingAfterItKeepsItsMarker() {
        OutboxEvent late = event("late");
        markers.mark(THINGS, "late", "late-token").block();
        // the relay publishes while the marked write is still on its way
        assertThat(relay.publish(THINGS, "late").block()).isZero();
        assertThat(markerIds()).contains(OutboxMarkers.id(THINGS, "late"));
        // the write lands, and its writer dies before publishing it
        mongo.insert(new Document("_id", "late").append(OutboxEvent.FIELD, List.of(late.toDocument()))
                .append(OutboxWrites.TOKEN, "late-token"), THINGS).block();

        awaitPublished(List.of(late.id()));
        awaitNoMarkerFor("late");
    }

    @Test
    void eventsWrittenBeforeMarkersExistedAreAdoptedAndPublished() {
        OutboxEvent old = event("old");
        mongo.insert(new Document("_id", "old").append(OutboxEvent.FIELD, List.of(old.toDocument())), THINGS).block();

        assertThat(relay.adoptUnmarked(THINGS).block()).isPositive();
        awaitPublished(List.of(old.id()));
        awaitNoMarkerFor("old");
    }

    @Test
    void anEventWrittenDuringAPublicationIsPublishedToo() {
        OutboxEvent first = event("twice");
        insertWithEvent("twice", first);
        OutboxEvent second = event("twice");
        Update push = new Update().push(OutboxEvent.FIELD, second.toDocument()).inc("version", 1);
        assertThat(writes.update(THINGS, "twice", Query.query(Criteria.where("_id").is("twice")), push).block())
                .isTrue();

        awaitPublished(List.of(first.id(), second.id()));
        awaitNoMarkerFor("twice");
    }

    @Test
    void aMarkerWhoseWriteNeverLandedIsRemovedAndPublishesNothing() {
        // the process died between raising the marker and the write
        markers.mark(THINGS, "never-written", "lost").block();
        // the guarded write found the aggregate changed and wrote nothing
        insertWithEvent("moved-on", event("moved-on"));
        Update push = new Update().push(OutboxEvent.FIELD, event("moved-on").toDocument());
        Query stale = Query.query(Criteria.where("_id").is("moved-on").and("version").is(99));
        assertThat(writes.update(THINGS, "moved-on", stale, push).block()).isFalse();

        awaitNoMarkerFor("never-written", "moved-on");
        assertThat(outbox("moved-on")).isEmpty();
    }

    @Test
    void aFailingAggregateDoesNotStopTheSweep() {
        // an outbox entry the relay cannot read, written as a crash of an older version could have left it
        Document broken = new Document("_id", "broken").append(OutboxEvent.FIELD, List.of(new Document("id", "x")));
        markers.mark(THINGS, "broken", null).then(mongo.insert(broken, THINGS)).block();
        OutboxEvent fine = event("fine");
        Document doc = new Document("_id", "fine").append("version", 1)
                .append(OutboxEvent.FIELD, List.of(fine.toDocument())).append(OutboxWrites.TOKEN, "fine-token");
        // written without publishing at once, so that only the sweep can send it
        markers.mark(THINGS, "fine", "fine-token").then(mongo.insert(doc, THINGS)).block();

        awaitPublished(List.of(fine.id()));
        awaitNoMarkerFor("fine");
        assertThat(markerIds()).contains(OutboxMarkers.id(THINGS, "broken"));
    }

    @Test
    void theSweepRunsUnderItsLease() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline && lease() == null) {
            sleep();
        }
        assertThat(lease()).isNotNull();
        assertThat(lease().getString("holder")).startsWith("outbox-test/");
    }

    private Document lease() {
        return mongo.findById("outbox-sweep", Document.class, StoreLeases.COLLECTION).block();
    }

    private void insertWithEvent(String id, OutboxEvent event) {
        Document doc = new Document("_id", id).append("version", 1).append(OutboxEvent.FIELD, List.of(event.toDocument()));
        writes.insert(THINGS, doc).block();
    }

    private static OutboxEvent event(String aggregateId) {
        return OutboxEvent.of(Topics.LEADS, aggregateId, "/test", "test.thing.v1", aggregateId, OffsetDateTime.now(),
                "D-1", "R-1", 1, Map.of("id", aggregateId));
    }

    private List<Object> outbox(String id) {
        return mongo.findById(id, Document.class, THINGS).block().getList(OutboxEvent.FIELD, Object.class);
    }

    private Set<String> markerIds() {
        Set<String> ids = new HashSet<>();
        mongo.findAll(Document.class, OutboxMarkers.COLLECTION).doOnNext(m -> ids.add(m.getString("_id"))).blockLast();
        return ids;
    }

    private void awaitNoMarkerFor(String... aggregateIds) {
        Set<String> expectedGone = new HashSet<>();
        for (String id : aggregateIds) {
            expectedGone.add(OutboxMarkers.id(THINGS, id));
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline && markerIds().stream().anyMatch(expectedGone::contains)) {
            sleep();
        }
        assertThat(markerIds()).doesNotContainAnyElementsOf(expectedGone);
    }

    private static void awaitPublished(List<String> eventIds) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline && !published.containsAll(eventIds)) {
            consumer.poll(Duration.ofMillis(250)).forEach(r -> published.add(
                    new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)));
        }
        assertThat(published).containsAll(eventIds);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
