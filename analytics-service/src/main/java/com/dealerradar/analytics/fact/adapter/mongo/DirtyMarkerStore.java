package com.dealerradar.analytics.fact.adapter.mongo;

import com.dealerradar.analytics.fact.application.DirtyMarkers;
import com.dealerradar.analytics.fact.domain.DealerDay;
import com.dealerradar.analytics.generation.adapter.mongo.GenerationCollections;
import java.util.Collection;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The dirty markers in {@code analytics_dirty}, {@code _id} = dealer | day, with their count {@code n}.
 * The collection holds only pending work: an instance that starts (or sweeps) reads it whole to
 * finish what a stopped one left.
 */
public class DirtyMarkerStore implements DirtyMarkers {

    private final ReactiveMongoTemplate mongo;
    private final String collection;

    public DirtyMarkerStore(ReactiveMongoTemplate mongo, GenerationCollections generation) {
        this.mongo = mongo;
        this.collection = generation.of(GenerationCollections.DIRTY);
    }

    @Override
    public Mono<Void> mark(DealerDay day) {
        Update update = new Update().inc("n", 1L).set("dealerId", day.dealerId()).set("region", day.region())
                .set("day", day.day());
        return mongo.upsert(Query.query(Criteria.where("_id").is(day.id())), update, collection).then();
    }

    @Override
    public Mono<Map<String, Long>> counts(Collection<DealerDay> days) {
        return mongo.find(Query.query(Criteria.where("_id").in(days.stream().map(DealerDay::id).toList())),
                        Document.class, collection)
                .collectMap(d -> d.getString("_id"), d -> ((Number) d.get("n")).longValue());
    }

    @Override
    public Mono<Void> clear(String id, long count) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id).and("n").is(count)), collection).then();
    }

    @Override
    public Flux<DealerDay> pending() {
        return mongo.find(new Query(), Document.class, collection)
                .map(d -> new DealerDay(d.getString("dealerId"), d.getString("region"), d.getString("day")));
    }
}
