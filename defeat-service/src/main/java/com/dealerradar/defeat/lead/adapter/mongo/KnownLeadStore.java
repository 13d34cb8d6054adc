package com.dealerradar.defeat.lead.adapter.mongo;

import com.dealerradar.defeat.lead.domain.KnownLead;
import com.dealerradar.defeat.lead.domain.LeadStatus;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
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
 * defeat-service's own view of the leads, fed from radar.leads, plus the marker of each lead's one
 * unsettled defeat ({@code openDefeatId}). While a defeat is being opened, the defeat document to
 * insert waits in {@code pendingDefeat} next to the marker, so that an interrupted opening can be
 * rolled forward (see {@code DefeatOpening}).
 */
@Component
public class KnownLeadStore {

    public static final String COLLECTION = "known_leads";
    static final String OPEN_DEFEAT = "openDefeatId";
    static final String PENDING_DEFEAT = "pendingDefeat";
    static final String CLAIMED_AT = "claimedAt";

    private final ReactiveMongoTemplate mongo;

    public KnownLeadStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** An opening under way on a lead: the defeat document that is to be inserted. */
    public record PendingOpening(String leadId, Document defeat) {}

    @EventListener(ApplicationReadyEvent.class)
    public void declareIndexes() {
        var indexes = mongo.indexOps(COLLECTION);
        Mono.when(
                indexes.createIndex(new Index().on("dealerId", Sort.Direction.ASC).named("dealerId")),
                indexes.createIndex(new Index().on(CLAIMED_AT, Sort.Direction.ASC).sparse()
                        .named("openingsUnderWay")))
                .block();
    }

    /**
     * Applies a lead event's state unless a newer one was applied already: the version guard makes
     * redelivered and stale events harmless. The marker of an open defeat is never touched here.
     */
    public Mono<Void> apply(String leadId, String dealerId, String region, LeadStatus status, long version) {
        Query olderOrAbsent = Query.query(Criteria.where("_id").is(leadId).and("version").lt(version));
        Update update = new Update().set("dealerId", dealerId).set("region", region).set("status", status.name())
                .set("version", version);
        return mongo.upsert(olderOrAbsent, update, COLLECTION)
                .onErrorResume(DuplicateKeyException.class, newerOneApplied -> Mono.empty())
                .then();
    }

    /**
     * Learns of a lead from another service's event before its own events arrived: OPEN at version 0,
     * so that every event of the lead itself still applies over it.
     */
    public Mono<Void> introduce(String leadId, String dealerId, String region) {
        Update update = new Update().setOnInsert("dealerId", dealerId).setOnInsert("region", region)
                .setOnInsert("status", LeadStatus.OPEN.name()).setOnInsert("version", 0L);
        return mongo.upsert(Query.query(Criteria.where("_id").is(leadId)), update, COLLECTION)
                .onErrorResume(DuplicateKeyException.class, concurrentlyIntroduced -> Mono.empty())
                .then();
    }

    public Mono<KnownLead> find(String leadId) {
        return mongo.findById(leadId, Document.class, COLLECTION).map(KnownLeadStore::toKnownLead);
    }

    /** The region of a dealer, as far as its leads tell. */
    public Mono<String> regionOfDealer(String dealerId) {
        Query query = Query.query(Criteria.where("dealerId").is(dealerId));
        query.fields().include("region");
        return mongo.findOne(query, Document.class, COLLECTION).mapNotNull(d -> d.getString("region"));
    }

    /**
     * Sets the lead's open-defeat marker to {@code defeatId}, with the defeat document to insert, if
     * the lead has no open defeat and its status is one of {@code allowed}. Completes with whether it did.
     */
    public Mono<Boolean> claim(String leadId, String defeatId, Set<LeadStatus> allowed, Document pendingDefeat,
            Instant now) {
        Query free = Query.query(Criteria.where("_id").is(leadId).and(OPEN_DEFEAT).is(null)
                .and("status").in(allowed.stream().map(Enum::name).toList()));
        Update update = new Update().set(OPEN_DEFEAT, defeatId).set(PENDING_DEFEAT, pendingDefeat)
                .set(CLAIMED_AT, Date.from(now));
        return mongo.updateFirst(free, update, COLLECTION).map(result -> result.getModifiedCount() == 1);
    }

    public Mono<PendingOpening> findPendingOpening(String leadId) {
        Query pending = Query.query(Criteria.where("_id").is(leadId).and(PENDING_DEFEAT).exists(true));
        return mongo.findOne(pending, Document.class, COLLECTION).map(KnownLeadStore::toPendingOpening);
    }

    /** The defeat document is in place: only the marker stays. */
    public Mono<Void> completeClaim(String leadId, String defeatId) {
        return mongo.updateFirst(markedWith(leadId, defeatId), new Update().unset(PENDING_DEFEAT).unset(CLAIMED_AT),
                COLLECTION).then();
    }

    /** The lead no longer has an open defeat: it was settled, or its opening could not complete. */
    public Mono<Void> release(String leadId, String defeatId) {
        Update update = new Update().unset(OPEN_DEFEAT).unset(PENDING_DEFEAT).unset(CLAIMED_AT);
        return mongo.updateFirst(markedWith(leadId, defeatId), update, COLLECTION).then();
    }

    /** Openings begun before {@code before} and still not completed: their writer was interrupted. */
    public Flux<PendingOpening> interruptedOpenings(Instant before, int limit) {
        Query query = Query.query(Criteria.where(PENDING_DEFEAT).exists(true).and(CLAIMED_AT).lt(Date.from(before)))
                .limit(limit);
        return mongo.find(query, Document.class, COLLECTION).map(KnownLeadStore::toPendingOpening);
    }

    private static Query markedWith(String leadId, String defeatId) {
        return Query.query(Criteria.where("_id").is(leadId).and(OPEN_DEFEAT).is(defeatId));
    }

    private static PendingOpening toPendingOpening(Document d) {
        return new PendingOpening(d.getString("_id"), d.get(PENDING_DEFEAT, Document.class));
    }

    private static KnownLead toKnownLead(Document d) {
        return new KnownLead(d.getString("_id"), d.getString("dealerId"), d.getString("region"),
                LeadStatus.valueOf(d.getString("status")), ((Number) d.get("version")).longValue(),
                d.getString(OPEN_DEFEAT));
    }
}
