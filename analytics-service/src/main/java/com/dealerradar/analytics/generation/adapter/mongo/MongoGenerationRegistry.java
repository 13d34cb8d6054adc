package com.dealerradar.analytics.generation.adapter.mongo;

import com.dealerradar.analytics.generation.application.GenerationRegistry;
import com.dealerradar.analytics.generation.domain.GenerationState;
import java.util.Date;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code analytics_generation}, one document {@code _id = read-model}: {@code active}, {@code building},
 * {@code heartbeat}, {@code version}. Replaced only at the version read ({@code {_id, version}}), inserted
 * by the first rebuild.
 */
@Component
class MongoGenerationRegistry implements GenerationRegistry {

    static final String COLLECTION = "analytics_generation";
    private static final String ID = "read-model";

    private final ReactiveMongoTemplate mongo;

    MongoGenerationRegistry(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<GenerationState> read() {
        return mongo.findById(ID, Document.class, COLLECTION)
                .map(MongoGenerationRegistry::toState)
                .defaultIfEmpty(GenerationState.first(GenerationCollections.FIRST));
    }

    @Override
    public Mono<Boolean> replace(GenerationState next) {
        Document doc = new Document("_id", ID).append("active", next.active()).append("building", next.building())
                .append("heartbeat", next.heartbeat() == null ? null : Date.from(next.heartbeat()))
                .append("version", next.version());
        if (next.version() == 1) {
            return mongo.insert(doc, COLLECTION).thenReturn(true)
                    .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
        }
        Document unchanged = new Document("_id", ID).append("version", next.version() - 1);
        return mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.replaceOne(unchanged, doc)))
                .map(result -> result.getMatchedCount() == 1);
    }

    private static GenerationState toState(Document d) {
        Date heartbeat = d.getDate("heartbeat");
        return new GenerationState(d.getString("active"), d.getString("building"),
                heartbeat == null ? null : heartbeat.toInstant(), ((Number) d.get("version")).longValue());
    }
}
