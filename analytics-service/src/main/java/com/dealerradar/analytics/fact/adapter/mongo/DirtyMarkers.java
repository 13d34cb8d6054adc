package com.dealerradar.analytics.fact.adapter.mongo;

import com.dealerradar.analytics.fact.domain.DealerDay;
import java.util.Collection;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The dealer-days whose cells are out of date, one marker each ({@code _id} = dealer | day), written
 * before the event that made them dirty is acknowledged and removed once their cells are recomputed.
 * A marker's count goes up with each new mark, so a recompute removes only the marks it has seen.
 * The collection holds only pending work: an instance that starts (or sweeps) reads it whole to
 * finish what a stopped one left.
 */
@Component
public class DirtyMarkers {

    static final String COLLECTION = "analytics_dirty";

    private final ReactiveMongoTemplate mongo;

    public DirtyMarkers(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> mark(DealerDay day) {
        Update update = new Update().inc("n", 1L).set("dealerId", day.dealerId()).set("region", day.region())
                .set("day", day.day());
        return mongo.upsert(Query.query(Criteria.where("_id").is(day.id())), update, COLLECTION).then();
    }

    /** The mark count of each of the given markers that exists. */
    public Mono<Map<String, Long>> counts(Collection<DealerDay> days) {
        return mongo.find(Query.query(Criteria.where("_id").in(days.stream().map(DealerDay::id).toList())),
                        Document.class, COLLECTION)
                .collectMap(d -> d.getString("_id"), d -> ((Number) d.get("n")).longValue());
    }

    /** Removes the marker unless it was marked again after its count was read. */
    public Mono<Void> clear(String id, long count) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id).and("n").is(count)), COLLECTION).then();
    }

    public Flux<DealerDay> pending() {
        return mongo.find(new Query(), Document.class, COLLECTION)
                .map(d -> new DealerDay(d.getString("dealerId"), d.getString("region"), d.getString("day")));
    }

    public Mono<Void> dropAll() {
        return mongo.remove(new Query(), COLLECTION).then();
    }
}
