package com.dealerradar.defeat.lead.adapter.mongo;

import com.dealerradar.defeat.lead.domain.KnownLead;
import com.dealerradar.defeat.lead.domain.LeadStatus;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
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
 * <p>
 * Everything here is found by key: the region of a dealer is kept in {@code dealer_regions} (keyed
 * by the dealer id), and each opening under way has a marker in {@code openings_under_way} (keyed by
 * the defeat id) written before the claim, so the recovery sweep reads only the openings under way.
 */
@Component
public class KnownLeadStore {

    public static final String COLLECTION = "known_leads";
    static final String DEALER_REGIONS = "dealer_regions";
    static final String OPENINGS = "openings_under_way";
    static final String OPEN_DEFEAT = "openDefeatId";
    static final String PENDING_DEFEAT = "pendingDefeat";
    static final String CLAIMED_AT = "claimedAt";

    private final ReactiveMongoTemplate mongo;

    public KnownLeadStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** An opening under way on a lead: the defeat document that is to be inserted. */
    public record PendingOpening(String leadId, Document defeat) {}

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
                .then(learnRegion(dealerId, region));
    }

    // A dealer's region does not change; the first lead that names it tells it.
    private Mono<Void> learnRegion(String dealerId, String region) {
        if (dealerId == null || region == null) {
            return Mono.empty();
        }
        return mongo.upsert(byId(dealerId), new Update().setOnInsert("region", region), DEALER_REGIONS)
                .onErrorResume(DuplicateKeyException.class, concurrentlyLearnt -> Mono.empty())
                .then();
    }

    /**
     * Learns of a lead from another service's event before its own events arrived: OPEN at version 0,
     * so that every event of the lead itself still applies over it.
     */
    public Mono<Void> introduce(String leadId, String dealerId, String region) {
        Update update = new Update().setOnInsert("dealerId", dealerId).setOnInsert("region", region)
                .setOnInsert("status", LeadStatus.OPEN.name()).setOnInsert("version", 0L);
        return mongo.upsert(byId(leadId), update, COLLECTION)
                .onErrorResume(DuplicateKeyException.class, concurrentlyIntroduced -> Mono.empty())
                .then(learnRegion(dealerId, region));
    }

    public Mono<KnownLead> find(String leadId) {
        return mongo.findById(leadId, Document.class, COLLECTION).map(KnownLeadStore::toKnownLead);
    }

    /** The region of a dealer, as far as its leads tell. */
    public Mono<String> regionOfDealer(String dealerId) {
        return mongo.findById(dealerId, Document.class, DEALER_REGIONS).mapNotNull(d -> d.getString("region"));
    }

    /**
     * Sets the lead's open-defeat marker to {@code defeatId}, with the defeat document to insert, if
     * the lead has no open defeat and its status is one of {@code allowed}. Completes with whether it did.
     * The opening's marker is written first; a refused claim leaves it for the caller or the sweep to drop.
     */
    public Mono<Boolean> claim(String leadId, String defeatId, Set<LeadStatus> allowed, Document pendingDefeat,
            Instant now) {
        Query free = Query.query(Criteria.where("_id").is(leadId).and(OPEN_DEFEAT).is(null)
                .and("status").in(allowed.stream().map(Enum::name).toList()));
        Update update = new Update().set(OPEN_DEFEAT, defeatId).set(PENDING_DEFEAT, pendingDefeat)
                .set(CLAIMED_AT, Date.from(now));
        return openingUnderWay(leadId, defeatId, now)
                .then(mongo.updateFirst(free, update, COLLECTION))
                .map(result -> result.getModifiedCount() == 1);
    }

    public Mono<PendingOpening> findPendingOpening(String leadId) {
        return mongo.findById(leadId, Document.class, COLLECTION)
                .filter(lead -> lead.get(PENDING_DEFEAT) != null)
                .map(KnownLeadStore::toPendingOpening);
    }

    /** Notes that defeat {@code defeatId} is about to be claimed on {@code leadId}; written before the claim. */
    private Mono<Void> openingUnderWay(String leadId, String defeatId, Instant now) {
        Update update = new Update().set("leadId", leadId).setOnInsert(CLAIMED_AT, Date.from(now));
        return mongo.upsert(byId(defeatId), update, OPENINGS).then();
    }

    /** The opening of {@code defeatId} finished, one way or the other. */
    public Mono<Void> openingOver(String defeatId) {
        return mongo.remove(byId(defeatId), OPENINGS).then();
    }

    /** The defeat document is in place: only the marker stays. */
    public Mono<Void> completeClaim(String leadId, String defeatId) {
        return mongo.updateFirst(markedWith(leadId, defeatId), new Update().unset(PENDING_DEFEAT).unset(CLAIMED_AT),
                COLLECTION).then(openingOver(defeatId));
    }

    /** The lead no longer has an open defeat: it was settled, or its opening could not complete. */
    public Mono<Void> release(String leadId, String defeatId) {
        Update update = new Update().unset(OPEN_DEFEAT).unset(PENDING_DEFEAT).unset(CLAIMED_AT);
        return mongo.updateFirst(markedWith(leadId, defeatId), update, COLLECTION).then(openingOver(defeatId));
    }

    /** An opening under way: the lead and the defeat it claims. */
    public record OpeningUnderWay(String leadId, String defeatId) {}

    /**
     * Openings begun before {@code before} and still not over: their writer was interrupted (or its
     * claim failed without a word). The collection holds only openings under way, so reading it whole
     * costs what is pending, not what is stored.
     */
    public Flux<OpeningUnderWay> openingsUnderWay(Instant before, int limit) {
        Query query = Query.query(Criteria.where(CLAIMED_AT).lt(Date.from(before))).limit(limit);
        return mongo.find(query, Document.class, OPENINGS)
                .map(d -> new OpeningUnderWay(d.getString("leadId"), d.getString("_id")));
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
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
