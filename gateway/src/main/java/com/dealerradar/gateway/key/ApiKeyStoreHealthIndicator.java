package com.dealerradar.gateway.key;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Readiness of the key store. Without it only the admin key works, so the gateway should not take
 * traffic. It pings the gateway's own database rather than reusing Boot's Mongo indicator, which in
 * Boot 4.0.7 sends {@code hello} to every database the user can list, a connection each, and reports
 * DOWN where the user may not run commands in one of them (spring-boot gh-50727).
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
