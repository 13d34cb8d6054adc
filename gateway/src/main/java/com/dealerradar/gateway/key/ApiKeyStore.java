package com.dealerradar.gateway.key;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Issued keys in MongoDB, found by the hash of their secret. */
@Repository
public class ApiKeyStore {

    private final ReactiveMongoTemplate mongo;

    public ApiKeyStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<ApiKey> insert(ApiKey key, String keyHash) {
        return mongo.insert(ApiKeyDocument.of(key, keyHash)).map(ApiKeyDocument::toApiKey);
    }

    /** By the unique hash index; the gateway caches these lookups (see ApiKeyLookupCache). */
    public Mono<ApiKey> findByHash(String keyHash) {
        return mongo.findOne(query(where(ApiKeyDocument.KEY_HASH).is(keyHash)), ApiKeyDocument.class)
                .map(ApiKeyDocument::toApiKey);
    }

    public Mono<ApiKey> findById(String keyId) {
        return mongo.findById(keyId, ApiKeyDocument.class).map(ApiKeyDocument::toApiKey);
    }

    public Mono<Void> markRevoked(String keyId, Instant at) {
        return mongo.updateFirst(query(where("_id").is(keyId)), Update.update("revokedAt", at), ApiKeyDocument.class)
                .then();
    }

    public Flux<ApiKey> page(int page, int size) {
        Query oldestFirst = new Query().with(Sort.by("createdAt", "_id")).skip((long) page * size).limit(size);
        return mongo.find(oldestFirst, ApiKeyDocument.class).map(ApiKeyDocument::toApiKey);
    }

    public Mono<Long> count() {
        return mongo.count(new Query(), ApiKeyDocument.class);
    }
}
