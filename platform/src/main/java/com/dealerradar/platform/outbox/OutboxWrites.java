package com.dealerradar.platform.outbox;

import java.util.Collection;
import java.util.List;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * The one way a store writes outbox events: raise the aggregate's pending-outbox marker, then make
 * the write that carries the events, then start publishing them. Because the marker comes first, a
 * write that lands always has a marker for the sweep to find, whatever crashes after it.
 */
public class OutboxWrites {

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
        return write(collection, aggregateId,
                mongo.updateFirst(guard, update, collection).map(result -> result.getMatchedCount() > 0));
    }

    /**
     * Any single write of one aggregate that carries outbox events (an insert, an upsert), given as a
     * cold {@code Mono} that runs only once the marker is raised.
     */
    public <T> Mono<T> write(String collection, Object aggregateId, Mono<T> write) {
        return writeAll(collection, List.of(aggregateId), write);
    }

    /**
     * One write that carries outbox events of many aggregates of one collection (a bulk insert): one
     * bulk write of their markers first, then the write, then each one's publication.
     */
    public <T> Mono<T> writeAll(String collection, Collection<?> aggregateIds, Mono<T> write) {
        List<?> ids = List.copyOf(aggregateIds);
        return markers.markAll(collection, ids)
                .then(write)
                .doOnSuccess(done -> ids.forEach(id -> relay.publishSoon(collection, id)));
    }
}
