package com.dealerradar.platform.outbox;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
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
 * A writer raises the marker's {@code counter} <em>before</em> the write that adds outbox events; the
 * relay reads the counter before it reads the outbox and, once everything it read is published,
 * removes the marker only if the counter is still the one it read. An event added meanwhile raised
 * the counter, so its marker stays. A marker whose aggregate write then failed costs one empty
 * publication before the sweep removes it.
 */
public class OutboxMarkers {

    public static final String COLLECTION = "outbox_pending";

    private static final String COUNTER = "counter";
    private static final String TOUCHED_AT = "touchedAt";

    /** A marked aggregate and the counter its marker had when read. */
    public record Marker(String collection, Object aggregateId, long counter) {}

    private final ReactiveMongoTemplate mongo;

    public OutboxMarkers(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String id(String collection, Object aggregateId) {
        return collection + "/" + aggregateId;
    }

    /** Raises the marker of one aggregate, creating it if needed. */
    public Mono<Void> mark(String collection, Object aggregateId) {
        return markAll(collection, List.of(aggregateId));
    }

    /** Raises the markers of many aggregates of one collection in one unordered bulk write. */
    public Mono<Void> markAll(String collection, Collection<?> aggregateIds) {
        if (aggregateIds.isEmpty()) {
            return Mono.empty();
        }
        return Mono.defer(() -> {
            Date now = new Date();
            List<UpdateOneModel<Document>> upserts = new LinkedHashSet<>(aggregateIds).stream()
                    .map(aggregateId -> new UpdateOneModel<Document>(new Document("_id", id(collection, aggregateId)),
                            raise(collection, aggregateId, now), new UpdateOptions().upsert(true)))
                    .toList();
            return mongo.getCollection(COLLECTION)
                    .flatMap(markers -> Mono.from(markers.bulkWrite(upserts, new BulkWriteOptions().ordered(false))))
                    .then();
        });
    }

    private static Bson raise(String collection, Object aggregateId, Date now) {
        return Updates.combine(Updates.inc(COUNTER, 1L), Updates.set("collection", collection),
                Updates.set("aggregateId", aggregateId), Updates.set(TOUCHED_AT, now));
    }

    /** The counter of the aggregate's marker, or empty when it has none. */
    public Mono<Optional<Long>> counter(String collection, Object aggregateId) {
        return mongo.findById(id(collection, aggregateId), Document.class, COLLECTION)
                .map(marker -> Optional.of(((Number) marker.get(COUNTER)).longValue()))
                .defaultIfEmpty(Optional.empty());
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
        return mongo.find(query, Document.class, COLLECTION)
                .map(marker -> new Marker(collection, marker.get("aggregateId"),
                        ((Number) marker.get(COUNTER)).longValue()));
    }
}
