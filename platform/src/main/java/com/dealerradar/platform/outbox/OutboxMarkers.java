package com.dealerradar.platform.outbox;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Pending-outbox markers: one small document per aggregate that may hold unpublished events, keyed
 * by {@code collection/aggregateId}. The sweep reads these instead of scanning the aggregates, so its
 * cost follows what is pending, not what was ever stored.
 * <p>
 * A writer raises the marker <em>before</em> the write that adds outbox events: it increments the
 * marker's {@code counter} and sets its {@code token} to a fresh value that the write itself stores
 * in the aggregate ({@link OutboxWrites#TOKEN}). The relay reads the marker before the aggregate and,
 * once everything it read is published, removes the marker only if
 * <ul>
 * <li>the counter is still the one it read (no write was marked meanwhile), and</li>
 * <li>the aggregate carried the marker's token, so the last marked write had landed and its events
 *     were among those published; or else the marker is older than the {@code abandonAfter} of the
 *     relay, so that write failed or never happened.</li>
 * </ul>
 * A write marked but not landed yet thus keeps its marker whatever happens to the writer after it.
 */
public class OutboxMarkers {

    public static final String COLLECTION = "outbox_pending";

    private static final String COUNTER = "counter";
    private static final String TOKEN = "token";
    private static final String TOUCHED_AT = "touchedAt";

    /** A marked aggregate as read: the marker's counter, the token of the last marked write, when it was raised. */
    public record Marker(String collection, Object aggregateId, long counter, String token, Instant touchedAt) {}

    private final ReactiveMongoTemplate mongo;

    public OutboxMarkers(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String id(String collection, Object aggregateId) {
        return collection + "/" + aggregateId;
    }

    /** Raises the marker of one aggregate for a write that will store {@code token}, creating it if needed. */
    public Mono<Void> mark(String collection, Object aggregateId, String token) {
        return markAll(collection, Collections.singletonMap(aggregateId, token));
    }

    /** Raises the markers of many aggregates of one collection in one unordered bulk write. */
    public Mono<Void> markAll(String collection, Map<?, String> tokenByAggregateId) {
        if (tokenByAggregateId.isEmpty()) {
            return Mono.empty();
        }
        return Mono.defer(() -> {
            Date now = new Date();
            List<UpdateOneModel<Document>> upserts = tokenByAggregateId.entrySet().stream()
                    .map(marked -> new UpdateOneModel<Document>(new Document("_id", id(collection, marked.getKey())),
                            Updates.combine(Updates.inc(COUNTER, 1L), Updates.set("collection", collection),
                                    Updates.set("aggregateId", marked.getKey()), Updates.set(TOKEN, marked.getValue()),
                                    Updates.set(TOUCHED_AT, now)),
                            new UpdateOptions().upsert(true)))
                    .toList();
            return mongo.getCollection(COLLECTION)
                    .flatMap(markers -> Mono.from(markers.bulkWrite(upserts, new BulkWriteOptions().ordered(false))))
                    .then();
        });
    }

    /** The aggregate's marker, or empty when it has none. */
    public Mono<Optional<Marker>> find(String collection, Object aggregateId) {
        return mongo.findById(id(collection, aggregateId), Document.class, COLLECTION)
                .map(marker -> Optional.of(toMarker(collection, marker)))
                .defaultIfEmpty(Optional.empty());
    }

    /** Those of {@code aggregateIds} that have no marker, in one {@code _id $in} read. */
    public Mono<List<Object>> unmarked(String collection, List<Object> aggregateIds) {
        if (aggregateIds.isEmpty()) {
            return Mono.just(List.of());
        }
        List<String> ids = aggregateIds.stream().map(aggregateId -> id(collection, aggregateId)).toList();
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, COLLECTION)
                .map(marker -> marker.get("aggregateId"))
                .collect(Collectors.toSet())
                .map(marked -> aggregateIds.stream().filter(aggregateId -> !marked.contains(aggregateId)).toList());
    }

    /** Removes the marker if no writer raised it since {@code counter} was read; completes with whether it did. */
    public Mono<Boolean> remove(String collection, Object aggregateId, long counter) {
        Query unchanged = Query.query(Criteria.where("_id").is(id(collection, aggregateId)).and(COUNTER).is(counter));
        return mongo.remove(unchanged, COLLECTION).map(result -> result.getDeletedCount() == 1);
    }

    /**
     * Up to {@code limit} marked aggregates of one collection not touched for {@code quiet}: those the
     * immediate publication left behind. This reads the markers only, a collection as small as what is
     * pending.
     */
    public Flux<Marker> pending(String collection, Duration quiet, int limit) {
        Query query = Query.query(Criteria.where("collection").is(collection)
                .and(TOUCHED_AT).lt(Date.from(Instant.now().minus(quiet)))).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).map(marker -> toMarker(collection, marker));
    }

    /**
     * The longest-waiting marker older than {@code quiet}. Markers exist only while events wait, so
     * this reads as many documents as are pending, however much was ever written.
     */
    public Mono<Marker> oldest(String collection, Duration quiet) {
        Query query = Query.query(Criteria.where("collection").is(collection)
                .and(TOUCHED_AT).lt(Date.from(Instant.now().minus(quiet))))
                .with(Sort.by(TOUCHED_AT)).limit(1);
        return mongo.findOne(query, Document.class, COLLECTION).map(marker -> toMarker(collection, marker));
    }

    private static Marker toMarker(String collection, Document marker) {
        return new Marker(collection, marker.get("aggregateId"), ((Number) marker.get(COUNTER)).longValue(),
                marker.getString(TOKEN), marker.getDate(TOUCHED_AT).toInstant());
    }
}
