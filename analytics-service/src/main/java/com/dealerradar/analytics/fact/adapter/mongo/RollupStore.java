package com.dealerradar.analytics.fact.adapter.mongo;

import com.dealerradar.analytics.fact.domain.GroupKey;
import com.dealerradar.analytics.fact.domain.Rollup;
import com.dealerradar.analytics.fact.domain.RollupCalculator;
import com.dealerradar.analytics.fact.domain.RollupGrain;
import com.dealerradar.analytics.fact.domain.RollupSum;
import com.dealerradar.analytics.fact.domain.RollupView;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * Counts per group of leads in every {@link RollupView} and {@link RollupGrain}. A day's group is
 * recomputed from its facts after every change, then its month's group from the month's day groups
 * (at most 31 documents). Recomputing (rather than adding deltas) makes a repeated event or a crash
 * between the writes harmless: the next recompute is right again.
 */
@Component
public class RollupStore {

    private static final String COLLECTION = "lead_rollups";
    private static final int BATCH = 500;

    private final ReactiveMongoTemplate mongo;
    private final FactStore facts;

    public RollupStore(ReactiveMongoTemplate mongo, FactStore facts) {
        this.mongo = mongo;
        this.facts = facts;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void declareIndexes() {
        Flux.fromArray(RollupView.values())
                .flatMap(view -> Flux.fromArray(RollupGrain.values()).map(grain -> collection(view, grain)))
                .concatMap(collection -> Mono.when(
                        mongo.indexOps(collection).createIndex(new Index().on("day", Sort.Direction.ASC)
                                .on("dealerId", Sort.Direction.ASC).named("day_dealer")),
                        mongo.indexOps(collection).createIndex(new Index().on("region", Sort.Direction.ASC)
                                .on("day", Sort.Direction.ASC).named("region_day")),
                        mongo.indexOps(collection).createIndex(new Index().on("dealerId", Sort.Direction.ASC)
                                .on("day", Sort.Direction.ASC).named("dealer_day"))))
                .then(mongo.indexOps(FactStore.COLLECTION).createIndex(new Index().on("dealerId", Sort.Direction.ASC)
                        .on("day", Sort.Direction.ASC).on("channel", Sort.Direction.ASC).named("group")))
                .block();
    }

    /** One collection per view and grain, so that a query reads (and an index-less store scans) only those. */
    static String collection(RollupView view, RollupGrain grain) {
        return COLLECTION + "_" + view.name().toLowerCase(Locale.ROOT) + "_" + grain.name().toLowerCase(Locale.ROOT);
    }

    /** Recomputes the day and month groups of every view that a lead of group {@code key} belongs to. */
    public Mono<Void> recompute(GroupKey key) {
        return Flux.fromArray(RollupView.values())
                .concatMap(view -> recomputeDay(view, view.project(key)).then(recomputeMonth(view, view.project(key))))
                .then();
    }

    private Mono<Void> recomputeDay(RollupView view, GroupKey projected) {
        return facts.inGroup(view, projected).map(FactDocuments::toFact).collectList()
                .flatMap(groupFacts -> groupFacts.isEmpty()
                        ? remove(view, RollupGrain.DAY, projected)
                        : saveAll(view, RollupGrain.DAY,
                                List.of(RollupCalculator.of(projected, groupFacts, view.openLeadsKept()))));
    }

    private Mono<Void> recomputeMonth(RollupView view, GroupKey projectedDay) {
        String month = RollupGrain.monthOf(projectedDay.day());
        GroupKey monthKey = projectedDay.withDay(month);
        Map<String, Object> values = projectedDay.asMap();
        Criteria daysOfMonth = Criteria.where("day").gte(month + "-01").lte(month + "-31");
        view.fields().stream().filter(field -> !"day".equals(field))
                .forEach(field -> daysOfMonth.and(field).is(values.get(field)));
        return mongo.find(Query.query(daysOfMonth), Document.class, collection(view, RollupGrain.DAY))
                .map(RollupDocuments::toRollup)
                .reduce(new RollupSum(), RollupSum::add)
                .flatMap(sum -> sum.captured() == 0
                        ? remove(view, RollupGrain.MONTH, monthKey)
                        : saveAll(view, RollupGrain.MONTH, List.of(sum.toRollup(monthKey, view.openLeadsKept()))));
    }

    private Mono<Void> remove(RollupView view, RollupGrain grain, GroupKey key) {
        return mongo.remove(Query.query(Criteria.where("_id").is(view.idOf(key))), collection(view, grain)).then();
    }

    /**
     * Recomputes every group of every view: the day groups in one pass over the facts sorted by the
     * view's fields (instead of one query per group), then the month groups from the day groups.
     * The rebuild's last step; completes with the number of groups written.
     */
    public Mono<Long> recomputeAll() {
        return Flux.fromArray(RollupView.values())
                .concatMap(view -> recomputeAllDays(view).flatMap(days -> recomputeAllMonths(view).map(months -> days + months)))
                .reduce(0L, Long::sum);
    }

    private Mono<Long> recomputeAllDays(RollupView view) {
        Query byGroup = new Query().with(Sort.by(view.fields().toArray(String[]::new)));
        return mongo.find(byGroup, Document.class, FactStore.COLLECTION)
                .filter(FactStore::hasGroup)
                .bufferUntilChanged(doc -> view.project(FactStore.groupOf(doc)))
                .map(docs -> RollupCalculator.of(view.project(FactStore.groupOf(docs.get(0))),
                        docs.stream().map(FactDocuments::toFact).toList(), view.openLeadsKept()))
                .buffer(BATCH)
                .concatMap(batch -> saveAll(view, RollupGrain.DAY, batch).thenReturn((long) batch.size()))
                .reduce(0L, Long::sum);
    }

    private Mono<Long> recomputeAllMonths(RollupView view) {
        return mongo.find(new Query(), Document.class, collection(view, RollupGrain.DAY))
                .map(RollupDocuments::toRollup)
                .reduce(new HashMap<GroupKey, RollupSum>(), (months, day) -> {
                    months.computeIfAbsent(day.key().withDay(RollupGrain.monthOf(day.key().day())), k -> new RollupSum())
                            .add(day);
                    return months;
                })
                .flatMapMany(months -> Flux.fromIterable(months.entrySet()))
                .map(month -> month.getValue().toRollup(month.getKey(), view.openLeadsKept()))
                .buffer(BATCH)
                .concatMap(batch -> saveAll(view, RollupGrain.MONTH, batch).thenReturn((long) batch.size()))
                .reduce(0L, Long::sum);
    }

    /** Writes many rollups of a view and grain in one round trip. */
    public Mono<Void> saveAll(RollupView view, RollupGrain grain, Collection<Rollup> rollups) {
        if (rollups.isEmpty()) {
            return Mono.empty();
        }
        List<ReplaceOneModel<Document>> writes = rollups.stream().map(r -> RollupDocuments.toDocument(view, r))
                .map(doc -> new ReplaceOneModel<>(new Document("_id", doc.get("_id")), doc,
                        new ReplaceOptions().upsert(true)))
                .toList();
        return mongo.getCollection(collection(view, grain)).flatMap(c -> Mono.from(c.bulkWrite(writes))).then();
    }

    public Flux<Rollup> find(RollupView view, RollupGrain grain, Criteria criteria) {
        return mongo.find(Query.query(criteria), Document.class, collection(view, grain))
                .map(RollupDocuments::toRollup);
    }

    public Mono<Void> dropAll() {
        return Flux.fromArray(RollupView.values())
                .flatMap(view -> Flux.fromArray(RollupGrain.values()).map(grain -> collection(view, grain)))
                .concatMap(collection -> mongo.remove(new Query(), collection))
                .then();
    }
}
