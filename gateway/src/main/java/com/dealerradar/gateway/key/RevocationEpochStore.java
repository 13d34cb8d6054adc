package com.dealerradar.gateway.key;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The revocation counter: one small document ({@code _id: "epoch"}) in {@code api_key_revocations},
 * read and advanced by its id only, so that every gateway instance can read it several times a second
 * at a constant cost.
 */
@Repository
public class RevocationEpochStore {

    static final String COLLECTION = "api_key_revocations";
    private static final String ID = "epoch";
    private static final String EPOCH = "epoch";

    private final ReactiveMongoTemplate mongo;

    public RevocationEpochStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The current epoch; 0 before the first revocation. */
    public Mono<Long> read() {
        return mongo.findById(ID, Document.class, COLLECTION)
                .map(RevocationEpochStore::epochOf)
                .defaultIfEmpty(0L);
    }

    /** Advances the epoch by one and answers the new value. */
    public Mono<Long> advance() {
        return mongo.findAndModify(query(where("_id").is(ID)), new Update().inc(EPOCH, 1L),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION)
                .map(RevocationEpochStore::epochOf);
    }

    private static long epochOf(Document document) {
        return ((Number) document.get(EPOCH)).longValue();
    }
}
