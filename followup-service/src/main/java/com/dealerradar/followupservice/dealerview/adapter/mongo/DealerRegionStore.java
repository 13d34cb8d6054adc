package com.dealerradar.followupservice.dealerview.adapter.mongo;

import com.dealerradar.followupservice.dealerview.application.DealerRegions;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** One document per dealer in {@code dealers}: its region and the version of the directory event that set it. */
@Component
public class DealerRegionStore implements DealerRegions {

    static final String COLLECTION = "dealers";

    private final ReactiveMongoTemplate mongo;

    public DealerRegionStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Void> replaceIfNewer(String dealerId, String region, long version) {
        Document doc = new Document("_id", dealerId).append("region", region).append("version", version);
        Query olderOrAbsent = Query.query(Criteria.where("_id").is(dealerId).and("version").lt(version));
        // An upsert that finds only a newer version tries to insert it again: that duplicate is the "no change".
        return mongo.findAndReplace(olderOrAbsent, doc, FindAndReplaceOptions.options().upsert(), COLLECTION)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                .then();
    }

    @Override
    public Mono<String> regionOf(String dealerId) {
        return mongo.findById(dealerId, Document.class, COLLECTION).map(d -> d.getString("region"));
    }
}
