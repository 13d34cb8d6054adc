package com.dealerradar.gateway.key;

import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Declares the unique hash index before the gateway takes traffic: every request looks a key up by
 * its hash, and two keys with one hash must never both exist.
 */
@Component
class ApiKeyIndexes implements ApplicationRunner {

    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);

    private final ReactiveMongoTemplate mongo;

    ApiKeyIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        mongo.indexOps(ApiKeyDocument.COLLECTION)
                .createIndex(new Index(ApiKeyDocument.KEY_HASH, Sort.Direction.ASC).unique().named("keyHash_unique"))
                .block(STARTUP_LIMIT);
    }
}
