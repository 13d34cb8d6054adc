package com.dealerradar.platform.outbox;

import com.mongodb.client.model.InsertManyOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * The one way a store writes outbox events: raise the aggregate's pending-outbox marker, then make
 * the write that carries the events (and the marker's token, {@link #TOKEN}), then start publishing
 * them. Because the marker comes first and is dropped only once a relay has seen its write land (see
 * {@link OutboxMarkers}), a write that lands always leaves a marker for the sweep, whatever crashes
 * after it.
 */
public class OutboxWrites {

    /** The field of an aggregate holding the token of its last outbox write. */
    public static final String TOKEN = "outboxToken";

    private final ReactiveMongoTemplate mongo;
    private final OutboxMarkers markers;
    private final OutboxRelay relay;

    public OutboxWrites(ReactiveMongoTemplate mongo, OutboxMarkers markers, OutboxRelay relay) {
        this.mongo = mongo;
        this.markers = markers;
        this.relay = relay;
    }

    /**
     * A guarded update of one aggregate that adds events to its outbox; {@code guard} must fix
     * {@code _id} to {@code aggregateId}. Completes with whether the guard matched.
     */
    public Mono<Boolean> update(String collection, Object aggregateId, Query guard, Update update) {
        String token = UUID.randomUUID().toString();
        return markers.mark(collection, aggregateId, token)
                .then(Mono.defer(() -> mongo.updateFirst(guard, update.set(TOKEN, token), collection)))
                .map(result -> result.getMatchedCount() > 0)
                .doOnSuccess(written -> relay.publishSoon(collection, aggregateId));
    }

    /**
     * Inserts a new aggregate whose outbox holds the events of its creation. Fails with
     * {@code DuplicateKeyException} as an insert does.
     */
    public Mono<Void> insert(String collection, Document aggregate) {
        String token = UUID.randomUUID().toString();
        Object aggregateId = aggregate.get("_id");
        return markers.mark(collection, aggregateId, token)
                .then(Mono.defer(() -> mongo.insert(aggregate.append(TOKEN, token), collection)))
                .then()
                .doOnSuccess(done -> relay.publishSoon(collection, aggregateId));
    }

    /**
     * Inserts many new aggregates of one collection, unordered: one bulk write of their markers, then
     * one bulk insert, then each one's publication. Fails as the driver's {@code insertMany} does (a
     * {@code MongoBulkWriteException} names the documents that were not inserted; the others were).
     */
    public Mono<Void> insertAll(String collection, List<Document> aggregates) {
        if (aggregates.isEmpty()) {
            return Mono.empty();
        }
        Map<Object, String> tokens = new LinkedHashMap<>();
        for (Document aggregate : aggregates) {
            String token = UUID.randomUUID().toString();
            tokens.put(aggregate.get("_id"), token);
            aggregate.append(TOKEN, token);
        }
        return markers.markAll(collection, tokens)
                .then(mongo.getCollection(collection).flatMap(documents -> Mono.from(documents.insertMany(aggregates,
                        new InsertManyOptions().ordered(false)))))
                .then()
                .doFinally(signal -> tokens.keySet().forEach(id -> relay.publishSoon(collection, id)));
    }
}
