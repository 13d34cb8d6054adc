package com.dealerradar.gateway.ratelimit;

import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Declares the unique revision index before the gateway takes traffic: every settlement of a bucket
 * is a swap guarded by its revision, which must be found without a scan and never match two buckets.
 */
@Component
class BucketIndexes implements ApplicationRunner {

    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);

    private final ReactiveMongoTemplate mongo;

    BucketIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        mongo.indexOps(MongoBucketStore.COLLECTION)
                .createIndex(new Index(MongoBucketStore.REVISION, Sort.Direction.ASC).unique().named("rev_unique"))
                .block(STARTUP_LIMIT);
    }
}
