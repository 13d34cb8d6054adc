package com.dealerradar.followup.followup.adapter.mongo;

import com.dealerradar.followup.followup.domain.FollowUp;
import com.dealerradar.followup.followup.domain.FollowUpOutcome;
import com.dealerradar.followup.followup.domain.FollowUpState;
import com.dealerradar.followup.followup.domain.FollowUpType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
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

/** Follow-ups as recorded; the unique index on {@code (dealerId, externalRef)} makes posting them idempotent. */
@Component
public class FollowUpStore {

    public static final String COLLECTION = "follow_ups";

    private final ReactiveMongoTemplate mongo;

    public FollowUpStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void declareIndexes() {
        var indexes = mongo.indexOps(COLLECTION);
        Mono.when(
                indexes.createIndex(new Index().on("dealerId", Sort.Direction.ASC).on("externalRef", Sort.Direction.ASC)
                        .unique().named("dealer_externalRef")),
                indexes.createIndex(new Index().on("leadId", Sort.Direction.ASC).on("state", Sort.Direction.ASC)
                        .on("occurredAt", Sort.Direction.ASC).named("lead_state_occurredAt")),
                indexes.createIndex(new Index().on("state", Sort.Direction.ASC).on("recordedAt", Sort.Direction.ASC)
                        .named("state_recordedAt")))
                .block();
    }

    /** Fails with {@code DuplicateKeyException} when the dealer already used this {@code externalRef}. */
    public Mono<FollowUp> insert(FollowUp followUp) {
        return mongo.insert(toDocument(followUp), COLLECTION).thenReturn(followUp);
    }

    public Mono<FollowUp> find(String followUpId) {
        return mongo.findById(followUpId, Document.class, COLLECTION).map(FollowUpStore::toFollowUp);
    }

    /** Follow-ups left in {@code state} since before {@code recordedBefore}, for the completion sweep. */
    public Flux<FollowUp> leftIn(FollowUpState state, Instant recordedBefore) {
        Query query = Query.query(Criteria.where("state").is(state.name()).and("recordedAt").lt(Date.from(recordedBefore)));
        return mongo.find(query, Document.class, COLLECTION).map(FollowUpStore::toFollowUp);
    }

    public Mono<FollowUp> findByExternalRef(String dealerId, String externalRef) {
        Query query = Query.query(Criteria.where("dealerId").is(dealerId).and("externalRef").is(externalRef));
        return mongo.findOne(query, Document.class, COLLECTION).map(FollowUpStore::toFollowUp);
    }

    /** A lead's follow-ups in {@code state}, in the order they happened. */
    public Flux<FollowUp> ofLead(String leadId, FollowUpState state, long skip, int limit) {
        Query query = Query.query(byLead(leadId, state))
                .with(Sort.by(Sort.Direction.ASC, "occurredAt").and(Sort.by("_id"))).skip(skip).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).map(FollowUpStore::toFollowUp);
    }

    public Mono<Long> countOfLead(String leadId, FollowUpState state) {
        return mongo.count(Query.query(byLead(leadId, state)), COLLECTION);
    }

    /** Moves a follow-up from one state to another; completes with false when it was not in {@code from}. */
    public Mono<Boolean> changeState(String followUpId, FollowUpState from, FollowUpState to) {
        Query query = Query.query(Criteria.where("_id").is(followUpId).and("state").is(from.name()));
        return mongo.updateFirst(query, new Update().set("state", to.name()), COLLECTION)
                .map(result -> result.getMatchedCount() > 0);
    }

    private static Criteria byLead(String leadId, FollowUpState state) {
        return Criteria.where("leadId").is(leadId).and("state").is(state.name());
    }

    static Document toDocument(FollowUp f) {
        return new Document("_id", f.followUpId())
                .append("leadId", f.leadId())
                .append("dealerId", f.dealerId())
                .append("externalRef", f.externalRef())
                .append("occurredAt", Date.from(f.occurredAt().toInstant()))
                .append("occurredAtOffset", f.occurredAt().getOffset().getId())
                .append("type", f.type().name())
                .append("outcome", f.outcome().name())
                .append("note", f.note())
                .append("consultant", f.consultant())
                .append("state", f.state().name())
                .append("recordedAt", Date.from(f.recordedAt()))
                .append("fingerprint", f.fingerprint());
    }

    static FollowUp toFollowUp(Document d) {
        OffsetDateTime occurredAt = d.getDate("occurredAt").toInstant()
                .atOffset(ZoneOffset.of(d.getString("occurredAtOffset")));
        return new FollowUp(d.getString("_id"), d.getString("leadId"), d.getString("dealerId"),
                d.getString("externalRef"), occurredAt, FollowUpType.valueOf(d.getString("type")),
                FollowUpOutcome.valueOf(d.getString("outcome")), d.getString("note"), d.getString("consultant"),
                FollowUpState.valueOf(d.getString("state")), d.getDate("recordedAt").toInstant(),
                d.getString("fingerprint"));
    }
}
