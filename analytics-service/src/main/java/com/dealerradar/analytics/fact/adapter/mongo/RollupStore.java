package com.dealerradar.analytics.fact.adapter.mongo;

import com.dealerradar.analytics.fact.domain.GroupKey;
import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Counts per group of leads, recomputed from the group's facts after every change. Recomputing
 * (rather than adding deltas) makes a repeated event or a crash between the fact and the rollup
 * write harmless: the next recompute is right again.
 */
@Component
public class RollupStore {

    public static final String COLLECTION = "lead_rollups";

    private final ReactiveMongoTemplate mongo;

    public RollupStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void declareIndexes() {
        Mono.when(
                mongo.indexOps(COLLECTION).createIndex(new Index().on("day", Sort.Direction.ASC)
                        .on("dealerId", Sort.Direction.ASC).named("day_dealer")),
                mongo.indexOps(COLLECTION).createIndex(new Index().on("region", Sort.Direction.ASC)
                        .on("day", Sort.Direction.ASC).named("region_day")),
                mongo.indexOps(FactStore.COLLECTION).createIndex(new Index().on("dealerId", Sort.Direction.ASC)
                        .on("day", Sort.Direction.ASC).on("channel", Sort.Direction.ASC).named("group")))
                .block();
    }

    public Mono<Void> recompute(GroupKey key) {
        Criteria inGroup = new Criteria();
        key.asMap().forEach((field, value) -> inGroup.and(field).is(value));
        List<Document> pipeline = List.of(
                new Document("$match", Query.query(inGroup).getQueryObject()),
                new Document("$group", new Document("_id", null)
                        .append("captured", new Document("$sum", 1))
                        .append("invalid", countWhere("status", "INVALID"))
                        .append("won", countWhere("status", "WON"))
                        .append("atRisk", countWhere("status", "AT_RISK"))
                        .append("defeatedConfirmed", countWhere("status", "DEFEATED"))
                        .append("pendingDefeats", countWhere("defeatPending", true))
                        .append("kept", countWhere("kept", true))));
        return mongo.getCollection(FactStore.COLLECTION)
                .flatMap(facts -> Mono.from(facts.aggregate(pipeline).first()))
                .flatMap(counts -> {
                    Document rollup = new Document(key.asMap()).append("_id", key.id());
                    counts.forEach((field, value) -> {
                        if (!"_id".equals(field)) {
                            rollup.append(field, value);
                        }
                    });
                    return mongo.getCollection(COLLECTION).flatMap(rollups -> Mono.from(rollups.replaceOne(
                            new Document("_id", key.id()), rollup,
                            new com.mongodb.client.model.ReplaceOptions().upsert(true))));
                })
                .then();
    }

    private static Document countWhere(String field, Object value) {
        return new Document("$sum", new Document("$cond",
                List.of(new Document("$eq", List.of("$" + field, value)), 1, 0)));
    }

    public reactor.core.publisher.Flux<Document> find(Criteria criteria) {
        return mongo.find(Query.query(criteria), Document.class, COLLECTION);
    }
}
