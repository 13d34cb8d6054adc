package com.dealerradar.analytics.fact.adapter.mongo;

import com.dealerradar.analytics.fact.domain.GroupKey;
import com.dealerradar.analytics.fact.domain.RollupView;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One fact document per lead. Each update is applied together with the id of the event that caused
 * it, in one single-document write, so a redelivered event changes nothing. Any event may create the
 * fact (a follow-up can arrive before the capture that other topic carries); the capture fills the
 * group dimensions in later.
 */
@Component
public class FactStore {

    public static final String COLLECTION = "lead_facts";
    static final String APPLIED = "appliedEvents";
    static final String LEAD_SEQUENCE = "leadSequence";

    private final ReactiveMongoTemplate mongo;

    public FactStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Applies a radar.leads event: guarded by the lead's {@code sequence}, so that only a newer
     * version of the lead changes the fact and a redelivered or stale one changes nothing.
     */
    public Mono<Document> applyLeadEvent(String leadId, String eventId, long sequence, Map<String, Object> sets) {
        Query older = Query.query(Criteria.where("_id").is(leadId).and(LEAD_SEQUENCE).lt(sequence));
        Update update = new Update().set(LEAD_SEQUENCE, sequence).push(APPLIED, eventId);
        sets.forEach(update::set);
        return modify(leadId, older, update);
    }

    /**
     * Applies an event of another topic once: {@code sets} overwrite, {@code minimums} keep the
     * smaller value, {@code increments} add; all skipped when event {@code eventId} was applied before.
     */
    public Mono<Document> applyOnce(String leadId, String eventId, Map<String, Object> sets,
            Map<String, Object> minimums, Map<String, Number> increments) {
        Query notYetApplied = Query.query(Criteria.where("_id").is(leadId).and(APPLIED).ne(eventId));
        Update update = new Update().push(APPLIED, eventId).setOnInsert(LEAD_SEQUENCE, 0L);
        sets.forEach(update::set);
        minimums.forEach(update::min);
        increments.forEach(update::inc);
        return modify(leadId, notYetApplied, update);
    }

    private Mono<Document> modify(String leadId, Query query, Update update) {
        FindAndModifyOptions options = FindAndModifyOptions.options().returnNew(true).upsert(true);
        return mongo.findAndModify(query, update, options, Document.class, COLLECTION)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                .switchIfEmpty(Mono.defer(() -> find(leadId)));
    }

    public Mono<Document> find(String leadId) {
        return mongo.findById(leadId, Document.class, COLLECTION);
    }

    /** The facts of one group of a view: those that match the view's fields of {@code projected}. */
    public Flux<Document> inGroup(RollupView view, GroupKey projected) {
        Map<String, Object> values = projected.asMap();
        Criteria inGroup = new Criteria();
        view.fields().forEach(field -> inGroup.and(field).is(values.get(field)));
        return mongo.find(Query.query(inGroup), Document.class, COLLECTION);
    }

    public Mono<Void> dropAll() {
        return mongo.remove(new Query(), COLLECTION).then();
    }

    /** A fact belongs to a group once the capture has given it its dimensions. */
    public static boolean hasGroup(Document fact) {
        return fact != null && fact.getString("day") != null;
    }

    public static GroupKey groupOf(Document fact) {
        return new GroupKey(fact.getString("day"), fact.getString("dealerId"), fact.getString("region"),
                fact.getString("channel"), fact.getString("industry"), fact.getString("model"),
                fact.getString("consultant"));
    }

    static List<String> strings(Document fact, String field) {
        return fact.getList(field, String.class);
    }
}
