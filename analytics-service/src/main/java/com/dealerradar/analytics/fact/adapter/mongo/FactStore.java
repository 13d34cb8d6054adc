package com.dealerradar.analytics.fact.adapter.mongo;

import com.dealerradar.analytics.fact.application.Facts;
import com.dealerradar.analytics.fact.domain.DefeatProgress;
import com.dealerradar.analytics.fact.domain.GroupKey;
import com.dealerradar.analytics.generation.adapter.mongo.GenerationCollections;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One fact document per lead in {@code lead_facts}, with its high-water marks beside the fields.
 * Every write is one single-document update filtered on the {@code _id}. One store per generation.
 */
public class FactStore implements Facts {

    static final String LEAD_SEQUENCE = "leadSequence";
    static final String DEFEAT_MARK_ID = "defeatMark";
    static final String DEFEAT_MARK_SEQUENCE = "defeatMarkSequence";
    static final String DEFEAT_MARK_SINCE = "defeatMarkSince";
    private static final int ATTEMPTS = 10;

    private final ReactiveMongoTemplate mongo;
    private final String collection;

    public FactStore(ReactiveMongoTemplate mongo, GenerationCollections generation) {
        this.mongo = mongo;
        this.collection = generation.of(GenerationCollections.FACTS);
    }

    @Override
    public Mono<GroupKey> applyLeadEvent(String leadId, long sequence, Map<String, Object> fields) {
        Query older = Query.query(Criteria.where("_id").is(leadId).and(LEAD_SEQUENCE).lt(sequence));
        Update update = new Update().set(LEAD_SEQUENCE, sequence);
        fields.forEach(update::set);
        return groupAfter(modify(leadId, older, update));
    }

    @Override
    public Mono<GroupKey> applyFollowUp(String leadId, Map<String, Object> fields, Map<String, Object> minimums) {
        Update update = new Update().setOnInsert(LEAD_SEQUENCE, 0L);
        fields.forEach(update::set);
        minimums.forEach(update::min);
        return groupAfter(modify(leadId, Query.query(Criteria.where("_id").is(leadId)), update));
    }

    /**
     * Read, decided by the lead's {@link DefeatProgress}, then written only if the mark is still the
     * one read (a compare-and-set on the {@code _id}), retried when another writer came first.
     */
    @Override
    public Mono<GroupKey> applyDefeatEvent(String leadId, String defeatId, long sequence, Instant at,
            Map<String, Object> fields, Map<String, Number> increments) {
        return groupAfter(applyDefeatEvent(leadId, defeatId, sequence, at, fields, increments, ATTEMPTS));
    }

    private Mono<Document> applyDefeatEvent(String leadId, String defeatId, long sequence, Instant at,
            Map<String, Object> sets, Map<String, Number> increments, int attempts) {
        return find(leadId).map(FactStore::progressOf).defaultIfEmpty(DefeatProgress.NONE).flatMap(progress -> {
            if (!progress.accepts(defeatId, sequence, at)) {
                return find(leadId);
            }
            DefeatProgress next = progress.after(defeatId, sequence, at);
            Query unchanged = Query.query(Criteria.where("_id").is(leadId)
                    .and(DEFEAT_MARK_ID).is(progress.defeatId()).and(DEFEAT_MARK_SEQUENCE).is(
                            progress.defeatId() == null ? null : progress.sequence()));
            Update update = new Update().setOnInsert(LEAD_SEQUENCE, 0L)
                    .set(DEFEAT_MARK_ID, next.defeatId()).set(DEFEAT_MARK_SEQUENCE, next.sequence())
                    .set(DEFEAT_MARK_SINCE, Date.from(next.since()));
            sets.forEach(update::set);
            increments.forEach(update::inc);
            FindAndModifyOptions options = FindAndModifyOptions.options().returnNew(true).upsert(true);
            return mongo.findAndModify(unchanged, update, options, Document.class, collection)
                    .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                    .switchIfEmpty(Mono.defer(() -> attempts > 1
                            ? applyDefeatEvent(leadId, defeatId, sequence, at, sets, increments, attempts - 1)
                            : Mono.error(new IllegalStateException("defeat mark of " + leadId + " kept changing"))));
        });
    }

    private static DefeatProgress progressOf(Document fact) {
        String defeatId = fact.getString(DEFEAT_MARK_ID);
        if (defeatId == null) {
            return DefeatProgress.NONE;
        }
        Date since = fact.getDate(DEFEAT_MARK_SINCE);
        return new DefeatProgress(defeatId, ((Number) fact.get(DEFEAT_MARK_SEQUENCE)).longValue(),
                since == null ? null : since.toInstant());
    }

    private Mono<Document> modify(String leadId, Query query, Update update) {
        FindAndModifyOptions options = FindAndModifyOptions.options().returnNew(true).upsert(true);
        return mongo.findAndModify(query, update, options, Document.class, collection)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                .switchIfEmpty(Mono.defer(() -> find(leadId)));
    }

    private Mono<Document> find(String leadId) {
        return mongo.findById(leadId, Document.class, collection);
    }

    @Override
    public Flux<Filed> filed(Collection<String> leadIds) {
        if (leadIds.isEmpty()) {
            return Flux.empty();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(leadIds)), Document.class, collection)
                .filter(FactStore::hasGroup)
                .map(fact -> new Filed(groupOf(fact), FactDocuments.toFact(fact)));
    }

    private static Mono<GroupKey> groupAfter(Mono<Document> write) {
        return write.filter(FactStore::hasGroup).map(FactStore::groupOf);
    }

    /** A fact belongs to a group once the capture has given it its dimensions. */
    private static boolean hasGroup(Document fact) {
        return fact != null && fact.getString("day") != null;
    }

    private static GroupKey groupOf(Document fact) {
        return new GroupKey(fact.getString("day"), fact.getString("dealerId"), fact.getString("region"),
                fact.getString("channel"), fact.getString("industry"), fact.getString("modelKey"),
                fact.getString("consultant"));
    }

    static List<String> strings(Document fact, String field) {
        return fact.getList(field, String.class);
    }
}
