package com.dealerradar.gateway.key;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Readiness of the key store. Without it only the admin key works, so the gateway should not take
 * traffic. It pings rather than reusing Boot's Mongo indicator, whose {@code hello} command the
 * embedded MongoDB-wire store of the local stack does not understand.
 */
@Component("keyStoreHealthIndicator")
class ApiKeyStoreHealthIndicator extends AbstractReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;

    ApiKeyStoreHealthIndicator(ReactiveMongoTemplate mongo) {
        super("the API key store cannot be reached");
        this.mongo = mongo;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return mongo.executeCommand(new Document("ping", 1))
                .map(answer -> builder.up().build());
    }
}
