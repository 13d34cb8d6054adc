package com.dealerradar.analytics.fact.adapter.mongo;

import com.dealerradar.analytics.fact.domain.GroupKey;
import java.util.Map;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One fact document per lead. Each update is applied together with the id of the event that caused
 * it, in one single-document write, so a redelivered event changes nothing.
 */
@Component
public class FactStore {

    public static final String COLLECTION = "lead_facts";
    static final String APPLIED = "appliedEvents";

    private final ReactiveMongoTemplate mongo;

    public FactStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Applies {@code changes} to the lead's fact unless event {@code eventId} was applied before;
     * creates the fact when {@code create} is set. Completes with the fact as it stands afterwards.
     */
    public Mono<Document> apply(String leadId, String eventId, Map<String, Object> changes, boolean create) {
        Query notYetApplied = Query.query(Criteria.where("_id").is(leadId).and(APPLIED).ne(eventId));
        Update update = new Update().push(APPLIED, eventId);
        changes.forEach(update::set);
        FindAndModifyOptions options = FindAndModifyOptions.options().returnNew(true).upsert(create);
        return mongo.findAndModify(notYetApplied, update, options, Document.class, COLLECTION)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                .switchIfEmpty(Mono.defer(() -> find(leadId)));
    }

    public Mono<Document> find(String leadId) {
        return mongo.findById(leadId, Document.class, COLLECTION);
    }

    public static GroupKey groupOf(Document fact) {
        return new GroupKey(fact.getString("day"), fact.getString("dealerId"), fact.getString("region"),
                fact.getString("channel"), fact.getString("industry"), fact.getString("model"),
                fact.getString("consultant"));
    }
}
