package com.dealerradar.lead.lead.adapter.mongo;

import com.dealerradar.lead.lead.domain.Lead;
import com.dealerradar.lead.lead.domain.LeadStatus;
import com.dealerradar.platform.outbox.OutboxEvent;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Leads in lead-service's database; each document carries the outbox of its events. */
@Component
public class LeadStore {

    public static final String COLLECTION = "leads";

    private static final List<String> DUPLICATE_CANDIDATE_STATUSES =
            List.of(LeadStatus.OPEN.name(), LeadStatus.AT_RISK.name());

    private final ReactiveMongoTemplate mongo;

    public LeadStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The unique index that makes {@code externalRef} idempotent per dealer, and one index for every
     * filter of the list (each ending in the list's sort order).
     */
    @EventListener(ApplicationReadyEvent.class)
    public void declareIndexes() {
        var indexes = mongo.indexOps(COLLECTION);
        Mono.when(
                indexes.createIndex(new Index().on("dealerId", Sort.Direction.ASC).on("externalRef", Sort.Direction.ASC)
                        .unique().named("dealer_externalRef")),
                indexes.createIndex(byOccurredAt("dealer_occurredAt", "dealerId")),
                indexes.createIndex(byOccurredAt("dealer_status_occurredAt", "dealerId", "status")),
                indexes.createIndex(byOccurredAt("region_occurredAt", "region")),
                indexes.createIndex(byOccurredAt("region_status_occurredAt", "region", "status")),
                indexes.createIndex(byOccurredAt("status_occurredAt", "status")),
                indexes.createIndex(byOccurredAt("grade_occurredAt", "grade")),
                indexes.createIndex(byOccurredAt("channel_occurredAt", "channel")),
                indexes.createIndex(byOccurredAt("industry_occurredAt", "customer.industry")),
                indexes.createIndex(byOccurredAt("occurredAt")),
                indexes.createIndex(new Index().on("customer.phoneHash", Sort.Direction.ASC)
                        .on("status", Sort.Direction.ASC).named("phoneHash_status")),
                indexes.createIndex(new Index().on(OutboxEvent.FIELD + ".0", Sort.Direction.ASC).sparse()
                        .named("outbox_pending")))
                .block();
    }

    private static Index byOccurredAt(String name, String... leading) {
        Index index = new Index();
        for (String field : leading) {
            index.on(field, Sort.Direction.ASC);
        }
        return index.on("occurredAt", Sort.Direction.DESC).on("_id", Sort.Direction.ASC).named(name);
    }

    /** Fails with {@code DuplicateKeyException} when the dealer already has this {@code externalRef}. */
    public Mono<Lead> insert(Lead lead, List<OutboxEvent> events) {
        return mongo.insert(withOutbox(lead, events), COLLECTION).thenReturn(lead);
    }

    /**
     * Inserts many leads at once, unordered, so that a taken {@code externalRef} (an earlier post, or a
     * concurrent batch that won the race) fails only its own document. Completes with the positions
     * of the leads that were not inserted for that reason.
     */
    public Mono<Set<Integer>> insertAll(List<Lead> leads, List<OutboxEvent> events) {
        if (leads.isEmpty()) {
            return Mono.just(Set.of());
        }
        List<Document> docs = new ArrayList<>(leads.size());
        for (int i = 0; i < leads.size(); i++) {
            docs.add(withOutbox(leads.get(i), List.of(events.get(i))));
        }
        return mongo.getCollection(COLLECTION)
                .flatMap(collection -> Mono.from(collection.insertMany(docs, new InsertManyOptions().ordered(false))))
                .thenReturn(Set.<Integer>of())
                .onErrorResume(MongoBulkWriteException.class, e -> {
                    Set<Integer> taken = new HashSet<>();
                    for (BulkWriteError error : e.getWriteErrors()) {
                        if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                            return Mono.error(e);
                        }
                        taken.add(error.getIndex());
                    }
                    return Mono.just(taken);
                });
    }

    /**
     * Replaces the lead's state with {@code after} and appends {@code events} to its outbox, only if
     * the stored version is still {@code expectedVersion} (and, for a defeat event, it has not been
     * applied yet). Completes with false when someone else changed the lead meanwhile.
     */
    public Mono<Boolean> update(Lead after, long expectedVersion, String defeatEventId, List<OutboxEvent> events) {
        Criteria guard = Criteria.where("_id").is(after.leadId()).and("version").is(expectedVersion);
        if (defeatEventId != null) {
            guard = guard.and(LeadDocuments.APPLIED_DEFEAT_EVENTS).ne(defeatEventId);
        }
        Update update = new Update();
        LeadDocuments.mutableState(after).forEach(update::set);
        if (events.size() == 1) {
            update.push(OutboxEvent.FIELD, events.get(0).toDocument());
        } else if (!events.isEmpty()) {
            update.push(OutboxEvent.FIELD).each(events.stream().map(OutboxEvent::toDocument).toArray());
        }
        return mongo.updateFirst(Query.query(guard), update, COLLECTION).map(r -> r.getModifiedCount() == 1);
    }

    public Mono<Lead> find(String leadId) {
        return mongo.findById(leadId, Document.class, COLLECTION).map(LeadDocuments::toLead);
    }

    public Mono<Lead> findByExternalRef(String dealerId, String externalRef) {
        Query query = Query.query(Criteria.where("dealerId").is(dealerId).and("externalRef").is(externalRef));
        return mongo.findOne(query, Document.class, COLLECTION).map(LeadDocuments::toLead);
    }

    /** One dealer's leads with any of these external refs: one query for the taken refs of a whole batch. */
    public Flux<Lead> findByExternalRefs(String dealerId, Collection<String> externalRefs) {
        Query query = Query.query(Criteria.where("dealerId").is(dealerId).and("externalRef").in(externalRefs));
        return mongo.find(query, Document.class, COLLECTION).map(LeadDocuments::toLead);
    }

    /** Leads still open (or at risk) with one of these phone hashes, oldest first: duplicate candidates. */
    public Flux<Lead> findOpenByPhoneHashes(Collection<String> phoneHashes) {
        if (phoneHashes.isEmpty()) {
            return Flux.empty();
        }
        Query query = Query.query(Criteria.where("customer.phoneHash").in(phoneHashes)
                .and("status").in(DUPLICATE_CANDIDATE_STATUSES)).with(Sort.by("createdAt", "_id"));
        return mongo.find(query, Document.class, COLLECTION).map(LeadDocuments::toLead);
    }

    public Flux<Lead> find(Criteria criteria, long skip, int limit) {
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "occurredAt").and(Sort.by("_id")))
                .skip(skip).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).map(LeadDocuments::toLead);
    }

    public Mono<Long> count(Criteria criteria) {
        return mongo.count(Query.query(criteria), COLLECTION);
    }

    private static Document withOutbox(Lead lead, List<OutboxEvent> events) {
        return LeadDocuments.toDocument(lead)
                .append(OutboxEvent.FIELD, events.stream().map(OutboxEvent::toDocument).toList());
    }
}
