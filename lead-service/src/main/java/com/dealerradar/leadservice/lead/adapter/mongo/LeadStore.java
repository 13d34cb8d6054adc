package com.dealerradar.leadservice.lead.adapter.mongo;

import com.dealerradar.leadservice.lead.application.LeadSelection;
import com.dealerradar.leadservice.lead.application.Leads;
import com.dealerradar.leadservice.lead.domain.Lead;
import com.dealerradar.leadservice.lead.domain.LeadStatus;
import com.dealerradar.platform.idempotency.ExternalRefIndex;
import com.dealerradar.platform.outbox.OutboxEvent;
import com.dealerradar.platform.outbox.OutboxWrites;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Leads in lead-service's database; each document carries the outbox of its events, written through
 * {@link OutboxWrites}. Every hot-path access is by key: the lead id (derived from the dealer's
 * {@code externalRef}), or the phone hash of {@link LeadPhones}.
 */
@Component
public class LeadStore implements Leads {

    public static final String COLLECTION = "leads";

    private static final Set<LeadStatus> DUPLICATE_CANDIDATE_STATUSES = EnumSet.of(LeadStatus.OPEN, LeadStatus.AT_RISK);

    private final ReactiveMongoTemplate mongo;
    private final OutboxWrites outbox;
    private final LeadPhones phones;

    LeadStore(ReactiveMongoTemplate mongo, OutboxWrites outbox, LeadPhones phones) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.phones = phones;
    }

    /**
     * The unique index that keeps {@code externalRef} idempotent per dealer also for leads stored
     * before ids were derived from it, and one index for every filter of the list (each ending in
     * the list's sort order).
     */
    @EventListener(ApplicationReadyEvent.class)
    public void declareIndexes() {
        var indexes = mongo.indexOps(COLLECTION);
        Mono.when(
                indexes.createIndex(ExternalRefIndex.uniquePerDealer()),
                indexes.createIndex(byOccurredAt("dealer_occurredAt", "dealerId")),
                indexes.createIndex(byOccurredAt("dealer_status_occurredAt", "dealerId", "status")),
                indexes.createIndex(byOccurredAt("region_occurredAt", "region")),
                indexes.createIndex(byOccurredAt("region_status_occurredAt", "region", "status")),
                indexes.createIndex(byOccurredAt("status_occurredAt", "status")),
                indexes.createIndex(byOccurredAt("grade_occurredAt", "grade")),
                indexes.createIndex(byOccurredAt("channel_occurredAt", "channel")),
                indexes.createIndex(byOccurredAt("industry_occurredAt", "customer.industry")),
                indexes.createIndex(byOccurredAt("occurredAt")))
                .block();
    }

    private static Index byOccurredAt(String name, String... leading) {
        Index index = new Index();
        for (String field : leading) {
            index.on(field, Sort.Direction.ASC);
        }
        return index.on("occurredAt", Sort.Direction.DESC).on("_id", Sort.Direction.ASC).named(name);
    }

    @Override
    public Mono<Boolean> insert(Lead lead, List<OutboxEvent> events) {
        return phones.remember(LeadPhones.byPhoneHash(List.of(lead)))
                .then(outbox.insert(COLLECTION, withOutbox(lead, events)))
                .thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, taken -> Mono.just(false));
    }

    /**
     * Inserts the leads unordered, so that a taken {@code externalRef} (an earlier post, or a
     * concurrent batch that won the race) fails only its own document.
     */
    @Override
    public Mono<Set<Integer>> insertAll(List<Lead> leads, List<OutboxEvent> events) {
        if (leads.isEmpty()) {
            return Mono.just(Set.of());
        }
        List<Document> docs = new ArrayList<>(leads.size());
        for (int i = 0; i < leads.size(); i++) {
            docs.add(withOutbox(leads.get(i), List.of(events.get(i))));
        }
        return phones.remember(LeadPhones.byPhoneHash(leads))
                .then(outbox.insertAll(COLLECTION, docs))
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

    /** Replaces the lead's state with {@code after} and appends {@code events} to its outbox, in one guarded update. */
    @Override
    public Mono<Boolean> update(Lead after, long expectedVersion, List<OutboxEvent> events) {
        Query guard = Query.query(Criteria.where("_id").is(after.leadId()).and("version").is(expectedVersion));
        Update update = new Update();
        LeadDocuments.mutableState(after).forEach(update::set);
        if (events.isEmpty()) {
            return mongo.updateFirst(guard, update, COLLECTION).map(r -> r.getMatchedCount() == 1);
        }
        update.push(OutboxEvent.FIELD).each(events.stream().map(OutboxEvent::toDocument).toArray());
        return outbox.update(COLLECTION, after.leadId(), guard, update);
    }

    @Override
    public Mono<Lead> find(String leadId) {
        return mongo.findById(leadId, Document.class, COLLECTION).map(LeadDocuments::toLead);
    }

    /** By the whole key of the unique index. */
    @Override
    public Mono<Lead> findByExternalRef(String dealerId, String externalRef) {
        Query query = Query.query(Criteria.where("dealerId").is(dealerId).and("externalRef").is(externalRef));
        return mongo.findOne(query, Document.class, COLLECTION).map(LeadDocuments::toLead);
    }

    /** In one {@code _id $in} read. */
    @Override
    public Flux<Lead> findAll(Collection<String> leadIds) {
        if (leadIds.isEmpty()) {
            return Flux.empty();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(leadIds)), Document.class, COLLECTION)
                .map(LeadDocuments::toLead);
    }

    /** Two reads by key: the phone index, then the leads it names. */
    @Override
    public Flux<Lead> findOpenByPhoneHashes(Collection<String> phoneHashes) {
        return phones.leadIds(phoneHashes).collect(Collectors.toCollection(LinkedHashSet::new))
                .flatMapMany(this::findAll)
                .filter(lead -> DUPLICATE_CANDIDATE_STATUSES.contains(lead.status()))
                .sort(Comparator.comparing(Lead::createdAt).thenComparing(Lead::leadId));
    }

    @Override
    public Flux<Lead> list(LeadSelection selection, long skip, int limit) {
        Query query = Query.query(criteria(selection)).with(Sort.by(Sort.Direction.DESC, "occurredAt").and(Sort.by("_id")))
                .skip(skip).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).map(LeadDocuments::toLead);
    }

    @Override
    public Mono<Long> count(LeadSelection selection) {
        return mongo.count(Query.query(criteria(selection)), COLLECTION);
    }

    private static Criteria criteria(LeadSelection s) {
        List<Criteria> parts = new ArrayList<>();
        equal(parts, "dealerId", s.dealerId());
        equal(parts, "region", s.region());
        equal(parts, "status", s.status());
        equal(parts, "grade", s.grade());
        equal(parts, "channel", s.channel());
        equal(parts, "customer.industry", s.industry());
        if (s.from() != null) {
            parts.add(Criteria.where("occurredAt").gte(Date.from(s.from())));
        }
        if (s.until() != null) {
            parts.add(Criteria.where("occurredAt").lt(Date.from(s.until())));
        }
        return switch (parts.size()) {
            case 0 -> new Criteria();
            case 1 -> parts.get(0);
            default -> new Criteria().andOperator(parts);
        };
    }

    private static void equal(List<Criteria> parts, String field, Object value) {
        if (value != null) {
            parts.add(Criteria.where(field).is(value instanceof Enum<?> e ? e.name() : value));
        }
    }

    private static Document withOutbox(Lead lead, List<OutboxEvent> events) {
        return LeadDocuments.toDocument(lead)
                .append(OutboxEvent.FIELD, events.stream().map(OutboxEvent::toDocument).toList());
    }
}
