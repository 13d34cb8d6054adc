package com.dealerradar.platform.outbox;

import com.dealerradar.events.CloudEventCodec;
import com.dealerradar.platform.kafka.TopicNames;
import com.dealerradar.platform.tracing.EventTraceContext;
import com.dealerradar.platform.tracing.TraceContinuation;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.extensions.DistributedTracingExtension;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes the events waiting in aggregates' outboxes, in order, and removes each once Kafka has
 * acknowledged it. A crash between the two publishes the event again later (consumers dedupe on the
 * event id); nothing is ever dropped. Which aggregates may hold events is told by their
 * {@link OutboxMarkers}, so that the sweep never scans the aggregates themselves.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Aggregates are independent (each keeps its own order), so the sweep publishes a few at once. */
    private static final int SWEEP_CONCURRENCY = 8;

    private final ReactiveMongoTemplate mongo;
    private final OutboxMarkers markers;
    private final Duration abandonAfter;
    private final Duration sendTimeout;
    private final KafkaTemplate<String, CloudEvent> kafka;
    private final TopicNames topics;
    private final MeterRegistry meters;
    private final TraceContinuation traces;
    /**
     * Aggregates whose outbox this instance is publishing right now. A second publication of the same
     * outbox meanwhile (the sweep while a send waits for a returning broker) would only send duplicates.
     */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /** Aggregates that got new events while in flight: published again at once rather than at the next sweep. */
    private final Set<String> requestedAgain = ConcurrentHashMap.newKeySet();

    /**
     * @param abandonAfter how long after a marked write the relay stops waiting for it to land: longer
     *                     than any write can take
     * @param traces       continues the trace each event was written in while it is sent
     * @param sendTimeout  how long the relay waits for Kafka to answer one send before it gives the
     *                     publication up: longer than the producer's own bounds on a send
     */
    public OutboxRelay(ReactiveMongoTemplate mongo, OutboxMarkers markers, KafkaTemplate<String, CloudEvent> kafka,
            TopicNames topics, MeterRegistry meters, TraceContinuation traces, Duration abandonAfter,
            Duration sendTimeout) {
        this.mongo = mongo;
        this.markers = markers;
        this.abandonAfter = abandonAfter;
        this.sendTimeout = sendTimeout;
        this.kafka = kafka;
        this.topics = topics;
        this.meters = meters;
        this.traces = traces;
    }

    /**
     * Starts publishing one aggregate's outbox in the background, so that the request that wrote it
     * never waits for Kafka; if Kafka is away, the periodic sweep picks the events up.
     */
    public void publishSoon(String collection, Object aggregateId) {
        publish(collection, aggregateId)
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(null, e -> log.info("outbox of {}/{} stays for the sweep: {}", collection, aggregateId,
                        e.getMessage()));
    }

    /**
     * Publishes one aggregate's pending events and then drops its marker when that is safe (see
     * {@link OutboxMarkers}); completes with how many were sent. The marker is read before the
     * aggregate, so a write marked after that read keeps the marker for the next publication. By the time
     * the caller hears how it ended, the aggregate is no longer in flight: a publication it starts then
     * (a retry after an error, say) publishes rather than answering 0 for one that is still ending.
     */
    public Mono<Integer> publish(String collection, Object aggregateId) {
        String aggregate = collection + "/" + aggregateId;
        return Mono.defer(() -> {
            if (!inFlight.add(aggregate)) {
                requestedAgain.add(aggregate);
                return Mono.just(0);
            }
            // Once only: a blocking caller cancels right after the value, and by then another publication may own it.
            AtomicBoolean owned = new AtomicBoolean(true);
            Runnable release = () -> {
                if (owned.getAndSet(false)) {
                    inFlight.remove(aggregate);
                    if (requestedAgain.remove(aggregate)) {
                        publishSoon(collection, aggregateId);
                    }
                }
            };
            // Read only once this instance owns the outbox: an older read would resend what was just sent.
            Query byId = Query.query(Criteria.where("_id").is(aggregateId));
            byId.fields().include(OutboxEvent.FIELD).include(OutboxWrites.TOKEN);
            return markers.find(collection, aggregateId)
                    .flatMap(marker -> mongo.findOne(byId, Document.class, collection)
                            .defaultIfEmpty(new Document())
                            .flatMap(doc -> send(collection, aggregateId, pending(doc))
                                    .flatMap(sent -> marker.isPresent() && settled(marker.get(), doc)
                                            ? markers.remove(collection, aggregateId, marker.get().counter())
                                                    .thenReturn(sent)
                                            : Mono.just(sent))))
                    // before the end is signalled, unlike doFinally, which runs after the caller has heard it
                    .doOnTerminate(release)
                    .doOnCancel(release);
        });
    }

    /**
     * Whether the last marked write is behind us: it landed (the aggregate carries its token), or it
     * was marked so long ago that it failed or never happened.
     */
    private boolean settled(OutboxMarkers.Marker marker, Document aggregate) {
        return Objects.equals(marker.token(), aggregate.getString(OutboxWrites.TOKEN))
                || marker.touchedAt().isBefore(Instant.now().minus(abandonAfter));
    }

    /**
     * Publishes whatever a crash or an absent broker left behind in one collection, marker by marker,
     * leaving alone the markers touched within {@code quiet} (their writers publish them). An aggregate
     * that fails is logged and skipped; the others still go out.
     */
    public Mono<Sweep> sweep(String collection, Duration quiet, int limit) {
        return markers.pending(collection, quiet, limit)
                .flatMap(marker -> publish(collection, marker.aggregateId())
                        .onErrorResume(e -> {
                            log.info("outbox of {}/{} stays for the next sweep: {}", collection,
                                    marker.aggregateId(), e.getMessage());
                            return Mono.just(0);
                        }), SWEEP_CONCURRENCY)
                .reduce(new Sweep(0, 0), (sweep, sent) -> new Sweep(sweep.aggregates() + 1, sweep.events() + sent));
    }

    /** When the oldest marker of {@code collection} was raised, if any is older than {@code quiet}: how long the backlog has waited. */
    public Mono<Instant> oldestPending(String collection, Duration quiet) {
        return markers.oldest(collection, quiet).map(OutboxMarkers.Marker::touchedAt);
    }

    /**
     * Marks the aggregates of one collection that hold events but no marker: those written before
     * markers existed. It scans the collection once, so it runs once, at startup, never on a hot path.
     */
    public Mono<Integer> adoptUnmarked(String collection) {
        Query withEvents = Query.query(Criteria.where(OutboxEvent.FIELD + ".0").exists(true));
        withEvents.fields().include("_id");
        return mongo.find(withEvents, Document.class, collection)
                .map(doc -> doc.get("_id"))
                .collectList()
                .flatMap(ids -> markers.unmarked(collection, ids))
                .flatMap(unmarked -> {
                    Map<Object, String> legacy = new HashMap<>();
                    // no token: such an aggregate carries none either, so the relay drops the marker once it published
                    unmarked.forEach(id -> legacy.put(id, null));
                    return markers.markAll(collection, legacy).thenReturn(unmarked.size());
                });
    }

    /** What one sweep pass did: how many marked aggregates it visited, how many events it sent. */
    public record Sweep(int aggregates, int events) {}

    private Mono<Integer> send(String collection, Object aggregateId, List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return Mono.just(0);
        }
        List<String> sent = new ArrayList<>();
        return Flux.fromIterable(events)
                // The aggregate stays in flight until its publication ends: a send that never heard back
                // would hold its events back until the process restarts, however often the sweep came by.
                // Given up, the event is sent again by the next publication (the ones before it are marked
                // sent below); if the first send arrived after all, consumers dedupe on the event id.
                .concatMap(event -> Mono.fromFuture(() -> traces.run(event.trace(), () -> kafka.send(record(event))))
                        .timeout(sendTimeout)
                        .thenReturn(event.id()))
                .doOnNext(sent::add)
                .then(Mono.defer(() -> markSent(collection, aggregateId, sent)))
                .onErrorResume(e -> markSent(collection, aggregateId, sent).then(Mono.error(e)))
                .doOnSuccess(n -> meters.counter("radar.outbox.published", "collection", collection).increment(n));
    }

    private Mono<Integer> markSent(String collection, Object aggregateId, List<String> sentIds) {
        if (sentIds.isEmpty()) {
            return Mono.just(0);
        }
        Update pull = new Update().pull(OutboxEvent.FIELD, Query.query(Criteria.where("id").in(sentIds)));
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(aggregateId)), pull, collection)
                .thenReturn(sentIds.size());
    }

    /**
     * The event with the context it was written in as the CloudEvents distributed-tracing extension
     * ({@code ce_traceparent}); the producer's observation adds the Kafka {@code traceparent} header of
     * the send itself.
     */
    private ProducerRecord<String, CloudEvent> record(OutboxEvent event) {
        CloudEvent cloudEvent = CloudEventCodec.toCloudEvent(event.envelope());
        if (event.trace().isPresent()) {
            EventTraceContext trace = event.trace().get();
            CloudEventBuilder traced = CloudEventBuilder.v1(cloudEvent)
                    .withExtension(DistributedTracingExtension.TRACEPARENT, trace.traceparent());
            if (trace.tracestate() != null) {
                traced.withExtension(DistributedTracingExtension.TRACESTATE, trace.tracestate());
            }
            cloudEvent = traced.build();
        }
        return new ProducerRecord<>(topics.resolve(event.topic()), event.key(), cloudEvent);
    }

    @SuppressWarnings("unchecked")
    private static List<OutboxEvent> pending(Document doc) {
        Object outbox = doc.get(OutboxEvent.FIELD);
        if (!(outbox instanceof List<?> list)) {
            return List.of();
        }
        return ((List<Document>) list).stream().map(OutboxEvent::fromDocument).toList();
    }
}
