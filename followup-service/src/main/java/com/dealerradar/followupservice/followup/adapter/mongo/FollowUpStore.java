package com.dealerradar.followupservice.followup.adapter.mongo;

import com.dealerradar.followupservice.followup.application.FollowUps;
import com.dealerradar.followupservice.followup.domain.FollowUp;
import com.dealerradar.followupservice.followup.domain.FollowUpOutcome;
import com.dealerradar.followupservice.followup.domain.FollowUpState;
import com.dealerradar.followupservice.followup.domain.FollowUpType;
import com.dealerradar.platform.idempotency.ExternalRefIndex;
import com.dealerradar.platform.worklist.WorkListIndex;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Follow-ups as recorded; the unique index on {@code (dealerId, externalRef)} makes posting them
 * idempotent. Beside them, small markers of the unfinished ones, so that nothing searches the
 * follow-ups by state: {@code recording_follow_ups} (one per follow-up stored but maybe not counted
 * yet, keyed by its id) and {@code awaiting_leads} (one per unknown lead, keyed by the lead id,
 * naming the follow-ups that wait for it). A marker is written before what it marks, so a crash
 * leaves a marker without work (dropped when found), never work without a marker. A lead's counted
 * follow-ups are listed by key from {@code lead_follow_ups} ({@link WorkListIndex}, one list per lead
 * by {@code occurredAt}), which a follow-up joins just before it is marked RECORDED. The follow-ups
 * awaiting their lead are listed by arrival in {@code awaiting_arrivals} ({@link WorkListIndex}, one
 * list), so that the expiry reads the oldest by key and the count of those waiting adds up counts.
 */
@Component
public class FollowUpStore implements FollowUps {

    public static final String COLLECTION = "follow_ups";
    static final String RECORDING = "recording_follow_ups";
    static final String AWAITING = "awaiting_leads";
    private static final String SINCE = "since";
    private static final String WAITING = "followUpIds";

    static final String BY_LEAD = "lead_follow_ups";
    static final String ARRIVALS = "awaiting_arrivals";
    private static final String ALL_ARRIVALS = "A";
    private static final String MIGRATED = "migrated";

    private final ReactiveMongoTemplate mongo;
    private final WorkListIndex byLead;
    private final WorkListIndex arrivals;

    public FollowUpStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        this.byLead = new WorkListIndex(mongo, BY_LEAD);
        this.arrivals = new WorkListIndex(mongo, ARRIVALS);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void declareIndexes() {
        mongo.indexOps(COLLECTION).createIndex(ExternalRefIndex.uniquePerDealer()).block();
        listStoredOnce();
    }

    /**
     * Follow-ups counted before the per-lead lists existed join them once, on the first start that
     * finds the lists unmarked (a scan; instances starting together just repeat it).
     */
    private void listStoredOnce() {
        mongo.findById(MIGRATED, Document.class, BY_LEAD)
                .switchIfEmpty(Mono.defer(() -> mongo.find(Query.query(Criteria.where("state")
                                .is(FollowUpState.RECORDED.name())), Document.class, COLLECTION)
                        .map(FollowUpStore::toFollowUp)
                        .concatMap(this::list)
                        .then(mongo.insert(new Document("_id", MIGRATED), BY_LEAD))
                        .onErrorResume(DuplicateKeyException.class, listedElsewhere -> Mono.empty())))
                .block();
    }

    private Mono<Void> list(FollowUp followUp) {
        return byLead.put(leadList(followUp.leadId()), followUp.followUpId(), followUp.occurredAt().toInstant());
    }

    private static String leadList(String leadId) {
        return "L:" + leadId;
    }

    @Override
    public Mono<Boolean> insert(FollowUp followUp) {
        return markUnfinished(followUp).then(mongo.insert(toDocument(followUp), COLLECTION)).thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, refUsedAlready -> Mono.just(false));
    }

    @Override
    public Mono<Void> markUnfinished(FollowUp followUp) {
        return switch (followUp.state()) {
            case RECORDING -> mongo.upsert(byId(followUp.followUpId()),
                    new Update().setOnInsert(SINCE, Date.from(followUp.recordedAt())), RECORDING).then();
            // Two posts for one unknown lead may race to create its marker; the one that lost adds itself to it.
            case AWAITING_LEAD -> arrivals.put(ALL_ARRIVALS, followUp.followUpId(), followUp.recordedAt())
                    .then(mongo.upsert(byId(followUp.leadId()), new Update().addToSet(WAITING, followUp.followUpId())
                            .setOnInsert(SINCE, Date.from(followUp.recordedAt())), AWAITING))
                    .then()
                    .onErrorResume(DuplicateKeyException.class, createdMeanwhile -> markUnfinished(followUp));
            case RECORDED, REJECTED -> Mono.empty();
        };
    }

    @Override
    public Flux<String> recordingSince(Instant before) {
        return markedSince(RECORDING, before);
    }

    @Override
    public Flux<String> awaitedSince(Instant before) {
        return markedSince(AWAITING, before);
    }

    // The marker collections hold only what is unfinished, so reading one whole costs what is pending.
    private Flux<String> markedSince(String markers, Instant before) {
        Query query = Query.query(Criteria.where(SINCE).lt(Date.from(before)));
        query.fields().include("_id");
        return mongo.find(query, Document.class, markers).map(d -> d.getString("_id"));
    }

    @Override
    public Mono<Void> dropRecordingMarker(String followUpId) {
        return mongo.remove(byId(followUpId), RECORDING).then();
    }

    @Override
    public Mono<Awaiting> awaiting(String leadId) {
        return mongo.findById(leadId, Document.class, AWAITING)
                .map(marker -> marker.getList(WAITING, String.class, List.of()))
                .flatMap(ids -> mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, COLLECTION)
                        .map(FollowUpStore::toFollowUp).collectList()
                        .map(found -> new Awaiting(ids, found)));
    }

    @Override
    public Mono<Void> stopAwaiting(String leadId, List<String> ids) {
        Query emptied = Query.query(Criteria.where("_id").is(leadId).and(WAITING).size(0));
        return mongo.updateFirst(byId(leadId), new Update().pullAll(WAITING, ids.toArray()), AWAITING)
                .then(mongo.remove(emptied, AWAITING)).then();
    }

    @Override
    public Mono<List<Arrival>> arrivedUntil(Instant until, long skip, int limit) {
        return arrivals.page(ALL_ARRIVALS, until, skip, limit)
                .map(entries -> entries.stream().map(entry -> new Arrival(entry.id(), entry.at())).toList());
    }

    @Override
    public Mono<Long> countAwaiting() {
        return arrivals.count(ALL_ARRIVALS, WorkListIndex.END_OF_TIME);
    }

    @Override
    public Mono<Void> forget(Arrival arrival) {
        return arrivals.remove(ALL_ARRIVALS, arrival.followUpId(), arrival.recordedAt());
    }

    // Off the lead's marker first, so that a capture arriving from now on no longer finds it; the
    // arrival last, so that a crash in between leaves it listed for the next expiry run.
    @Override
    public Mono<Boolean> expire(FollowUp followUp) {
        Query stillAwaiting = Query.query(Criteria.where("_id").is(followUp.followUpId())
                .and("state").is(FollowUpState.AWAITING_LEAD.name()));
        return stopAwaiting(followUp.leadId(), List.of(followUp.followUpId()))
                .then(mongo.remove(stillAwaiting, COLLECTION))
                .map(removed -> removed.getDeletedCount() == 1)
                .flatMap(removed -> arrivals.remove(ALL_ARRIVALS, followUp.followUpId(), followUp.recordedAt())
                        .thenReturn(removed));
    }

    @Override
    public Mono<FollowUp> find(String followUpId) {
        return mongo.findById(followUpId, Document.class, COLLECTION).map(FollowUpStore::toFollowUp);
    }

    @Override
    public Mono<FollowUp> findByExternalRef(String dealerId, String externalRef) {
        Query query = Query.query(Criteria.where("dealerId").is(dealerId).and("externalRef").is(externalRef));
        return mongo.findOne(query, Document.class, COLLECTION).map(FollowUpStore::toFollowUp);
    }

    @Override
    public Flux<FollowUp> recordedOfLead(String leadId, long skip, int limit) {
        return byLead.page(leadList(leadId), WorkListIndex.END_OF_TIME, skip, limit)
                .flatMapMany(entries -> {
                    List<String> ids = entries.stream().map(WorkListIndex.Entry::id).toList();
                    return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, COLLECTION)
                            .map(FollowUpStore::toFollowUp)
                            .collectMap(FollowUp::followUpId)
                            .flatMapIterable(byId -> ids.stream().map(byId::get)
                                    .filter(f -> f != null && f.state() == FollowUpState.RECORDED).toList());
                });
    }

    @Override
    public Mono<Long> countRecordedOfLead(String leadId) {
        return byLead.count(leadList(leadId), WorkListIndex.END_OF_TIME);
    }

    @Override
    public Mono<Boolean> changeState(FollowUp followUp, FollowUpState from, FollowUpState to) {
        String followUpId = followUp.followUpId();
        Query query = Query.query(Criteria.where("_id").is(followUpId).and("state").is(from.name()));
        Mono<Boolean> changed = (to == FollowUpState.RECORDED ? list(followUp) : Mono.<Void>empty())
                .then(mongo.updateFirst(query, new Update().set("state", to.name()), COLLECTION))
                .map(result -> result.getMatchedCount() > 0);
        return switch (from) {
            case RECORDING -> changed.flatMap(c -> dropRecordingMarker(followUpId).thenReturn(c));
            case AWAITING_LEAD -> changed.flatMap(c -> arrivals.remove(ALL_ARRIVALS, followUpId, followUp.recordedAt())
                    .thenReturn(c));
            case RECORDED, REJECTED -> changed;
        };
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
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
