package com.dealerradar.platform.directory;

import com.dealerradar.events.directory.DealerRegistered;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

/** One document per dealer in the given collection, with the version of the directory event that set it. */
public class MongoDealerDirectory implements DealerDirectory {

    private final ReactiveMongoTemplate mongo;
    private final String collection;

    public MongoDealerDirectory(ReactiveMongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    @Override
    public Mono<Void> replaceIfNewer(DealerRegistered dealer, long version) {
        Document doc = new Document("_id", dealer.dealerId())
                .append("name", dealer.name())
                .append("region", dealer.region())
                .append("brand", dealer.brand())
                .append("version", version);
        Query olderOrAbsent = Query.query(Criteria.where("_id").is(dealer.dealerId()).and("version").lt(version));
        // An upsert that finds only a newer version tries to insert it again: that duplicate is the "no change".
        return mongo.findAndReplace(olderOrAbsent, doc, FindAndReplaceOptions.options().upsert(), collection)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                .then();
    }

    @Override
    public Mono<String> brandOf(String dealerId) {
        return mongo.findById(dealerId, Document.class, collection)
                .mapNotNull(d -> d.getString("brand"))
                .defaultIfEmpty(UNKNOWN_BRAND);
    }

    @Override
    public Mono<String> regionOf(String dealerId) {
        return mongo.findById(dealerId, Document.class, collection).mapNotNull(d -> d.getString("region"));
    }
}
