package com.dealerradar.defeatservice.leadview.adapter.mongo;

import com.dealerradar.defeatservice.leadview.application.KnownLeads;
import com.dealerradar.defeatservice.leadview.domain.KnownLead;
import com.dealerradar.defeatservice.leadview.domain.LeadStatus;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * defeat-service's own view of the leads, fed from radar.leads. Each lead also carries the marker
 * of its one unsettled defeat ({@link #OPEN_DEFEAT}), which the defeats' claims write.
 * <p>
 * Everything here is found by key: the region of a dealer is kept in {@code dealer_regions} (keyed
 * by the dealer id).
 */
@Component
public class KnownLeadStore implements KnownLeads {

    public static final String COLLECTION = "known_leads";
    public static final String OPEN_DEFEAT = "openDefeatId";
    private static final String DEALER_REGIONS = "dealer_regions";

    private final ReactiveMongoTemplate mongo;

    public KnownLeadStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
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

    @Override
    public Mono<Void> introduce(String leadId, String dealerId, String region) {
        Update update = new Update().setOnInsert("dealerId", dealerId).setOnInsert("region", region)
                .setOnInsert("status", LeadStatus.OPEN.name()).setOnInsert("version", 0L);
        return mongo.upsert(byId(leadId), update, COLLECTION)
                .onErrorResume(DuplicateKeyException.class, concurrentlyIntroduced -> Mono.empty())
                .then(learnRegion(dealerId, region));
    }

    @Override
    public Mono<KnownLead> find(String leadId) {
        return mongo.findById(leadId, Document.class, COLLECTION).map(KnownLeadStore::toKnownLead);
    }

    @Override
    public Mono<String> regionOfDealer(String dealerId) {
        return mongo.findById(dealerId, Document.class, DEALER_REGIONS).mapNotNull(d -> d.getString("region"));
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private static KnownLead toKnownLead(Document d) {
        return new KnownLead(d.getString("_id"), d.getString("dealerId"), d.getString("region"),
                LeadStatus.valueOf(d.getString("status")), ((Number) d.get("version")).longValue(),
                d.getString(OPEN_DEFEAT));
    }
}
