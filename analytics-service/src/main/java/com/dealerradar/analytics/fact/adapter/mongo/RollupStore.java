package com.dealerradar.analytics.fact.adapter.mongo;

import com.dealerradar.analytics.fact.domain.GroupKey;
import com.dealerradar.analytics.fact.domain.Rollup;
import com.dealerradar.analytics.fact.domain.RollupCalculator;
import com.dealerradar.analytics.fact.domain.RollupView;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Counts per group of leads in every {@link RollupView}, recomputed from the group's facts after
 * every change. Recomputing (rather than adding deltas) makes a repeated event or a crash between
 * the fact and the rollup write harmless: the next recompute is right again.
 */
@Component
public class RollupStore {

    public static final String COLLECTION = "lead_rollups";
    private static final int BATCH = 500;

    private final ReactiveMongoTemplate mongo;
    private final FactStore facts;

    public RollupStore(ReactiveMongoTemplate mongo, FactStore facts) {
        this.mongo = mongo;
        this.facts = facts;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void declareIndexes() {
        Mono.when(
                mongo.indexOps(COLLECTION).createIndex(new Index().on("view", Sort.Direction.ASC)
                        .on("day", Sort.Direction.ASC).on("dealerId", Sort.Direction.ASC).named("view_day_dealer")),
                mongo.indexOps(COLLECTION).createIndex(new Index().on("view", Sort.Direction.ASC)
                        .on("region", Sort.Direction.ASC).on("day", Sort.Direction.ASC).named("view_region_day")),
                mongo.indexOps(COLLECTION).createIndex(new Index().on("view", Sort.Direction.ASC)
                        .on("dealerId", Sort.Direction.ASC).on("day", Sort.Direction.ASC).named("view_dealer_day")),
                mongo.indexOps(FactStore.COLLECTION).createIndex(new Index().on("dealerId", Sort.Direction.ASC)
                        .on("day", Sort.Direction.ASC).on("channel", Sort.Direction.ASC).named("group")),
                mongo.indexOps(FactStore.COLLECTION).createIndex(new Index().on("region", Sort.Direction.ASC)
                        .on("status", Sort.Direction.ASC).on("industry", Sort.Direction.ASC).named("region_open")))
                .block();
    }

    /** Recomputes the groups of every view that a lead of group {@code key} belongs to. */
    public Mono<Void> recompute(GroupKey key) {
        return Flux.fromArray(RollupView.values()).concatMap(view -> recompute(view, view.project(key))).then();
    }

    private Mono<Void> recompute(RollupView view, GroupKey projected) {
        return facts.inGroup(view, projected).map(FactDocuments::toFact).collectList()
                .flatMap(groupFacts -> groupFacts.isEmpty()
                        ? mongo.remove(Query.query(Criteria.where("_id").is(view.idOf(projected))), COLLECTION).then()
                        : saveAll(view, List.of(RollupCalculator.of(projected, groupFacts))));
    }

    /**
     * Recomputes every group of every view, one pass over the facts sorted by each view's fields,
     * instead of one query per group: the rebuild's last step. Completes with the number of groups.
     */
    public Mono<Long> recomputeAll() {
        return Flux.fromArray(RollupView.values()).concatMap(this::recomputeAll).reduce(0L, Long::sum);
    }

    private Mono<Long> recomputeAll(RollupView view) {
        Query byGroup = new Query().with(Sort.by(view.fields().toArray(String[]::new)));
        return mongo.find(byGroup, Document.class, FactStore.COLLECTION)
                .filter(FactStore::hasGroup)
                .bufferUntilChanged(doc -> view.project(FactStore.groupOf(doc)))
                .map(docs -> RollupCalculator.of(view.project(FactStore.groupOf(docs.get(0))),
                        docs.stream().map(FactDocuments::toFact).toList()))
                .buffer(BATCH)
                .concatMap(batch -> saveAll(view, batch).thenReturn((long) batch.size()))
                .reduce(0L, Long::sum);
    }

    /** Writes many rollups of a view in one round trip. */
    public Mono<Void> saveAll(RollupView view, Collection<Rollup> rollups) {
        if (rollups.isEmpty()) {
            return Mono.empty();
        }
        List<ReplaceOneModel<Document>> writes = rollups.stream().map(r -> RollupDocuments.toDocument(view, r))
                .map(doc -> new ReplaceOneModel<>(new Document("_id", doc.get("_id")), doc,
                        new ReplaceOptions().upsert(true)))
                .toList();
        return mongo.getCollection(COLLECTION).flatMap(c -> Mono.from(c.bulkWrite(writes))).then();
    }

    public Flux<Rollup> find(RollupView view, Criteria criteria) {
        return mongo.find(Query.query(criteria.and("view").is(view.name())), Document.class, COLLECTION)
                .map(RollupDocuments::toRollup);
    }

    public Mono<Void> dropAll() {
        return mongo.remove(new Query(), COLLECTION).then();
    }
}
