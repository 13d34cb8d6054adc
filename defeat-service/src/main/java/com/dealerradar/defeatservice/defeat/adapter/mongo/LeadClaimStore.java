package com.dealerradar.defeatservice.defeat.adapter.mongo;

import com.dealerradar.defeatservice.defeat.application.LeadClaims;
import com.dealerradar.defeatservice.defeat.application.PendingDefeat;
import com.dealerradar.defeatservice.leadview.adapter.mongo.KnownLeadStore;
import com.dealerradar.defeatservice.leadview.domain.LeadStatus;
import com.dealerradar.platform.outbox.OutboxEvent;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The claims on the known leads ({@link KnownLeadStore#COLLECTION}). While a defeat is being opened,
 * its complete document, outbox included, waits in {@code pendingDefeat} next to the lead's marker,
 * so that an interrupted opening can be rolled forward. Each opening under way has a note in
 * {@code openings_under_way} (keyed by the defeat id) written before the claim, so the recovery sweep
 * reads only the openings under way.
 */
@Component
class LeadClaimStore implements LeadClaims {

    private static final String OPENINGS = "openings_under_way";
    private static final String PENDING_DEFEAT = "pendingDefeat";
    private static final String CLAIMED_AT = "claimedAt";
    private static final String LEADS = KnownLeadStore.COLLECTION;
    private static final String OPEN_DEFEAT = KnownLeadStore.OPEN_DEFEAT;

    private final ReactiveMongoTemplate mongo;

    LeadClaimStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Boolean> claim(PendingDefeat pending, Set<LeadStatus> allowed, Instant now) {
        String leadId = pending.defeat().leadId();
        String defeatId = pending.defeat().defeatId();
        Query free = Query.query(Criteria.where("_id").is(leadId).and(OPEN_DEFEAT).is(null)
                .and("status").in(allowed.stream().map(Enum::name).toList()));
        Update update = new Update().set(OPEN_DEFEAT, defeatId)
                .set(PENDING_DEFEAT, DefeatStore.toDocument(pending.defeat(), pending.events()))
                .set(CLAIMED_AT, Date.from(now));
        return openingUnderWay(leadId, defeatId, now)
                .then(mongo.updateFirst(free, update, LEADS))
                .map(result -> result.getModifiedCount() == 1);
    }

    @Override
    public Mono<PendingOpening> findPendingOpening(String leadId) {
        return mongo.findById(leadId, Document.class, LEADS)
                .filter(lead -> lead.get(PENDING_DEFEAT) != null)
                .map(LeadClaimStore::toPendingOpening);
    }

    /** Notes that defeat {@code defeatId} is about to be claimed on {@code leadId}; written before the claim. */
    private Mono<Void> openingUnderWay(String leadId, String defeatId, Instant now) {
        Update update = new Update().set("leadId", leadId).setOnInsert(CLAIMED_AT, Date.from(now));
        return mongo.upsert(byId(defeatId), update, OPENINGS).then();
    }

    @Override
    public Mono<Void> openingOver(String defeatId) {
        return mongo.remove(byId(defeatId), OPENINGS).then();
    }

    @Override
    public Mono<Void> completeClaim(String leadId, String defeatId) {
        return mongo.updateFirst(markedWith(leadId, defeatId), new Update().unset(PENDING_DEFEAT).unset(CLAIMED_AT),
                LEADS).then(openingOver(defeatId));
    }

    @Override
    public Mono<Void> release(String leadId, String defeatId) {
        Update update = new Update().unset(OPEN_DEFEAT).unset(PENDING_DEFEAT).unset(CLAIMED_AT);
        return mongo.updateFirst(markedWith(leadId, defeatId), update, LEADS).then(openingOver(defeatId));
    }

    /** The collection holds only openings under way, so reading it whole costs what is pending, not what is stored. */
    @Override
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

    private static PendingOpening toPendingOpening(Document lead) {
        Document defeat = lead.get(PENDING_DEFEAT, Document.class);
        return new PendingOpening(lead.getString("_id"), new PendingDefeat(DefeatStore.toDefeat(defeat),
                defeat.getList(OutboxEvent.FIELD, Document.class, List.of()).stream().map(OutboxEvent::fromDocument).toList()));
    }
}
