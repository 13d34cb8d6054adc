package com.dealerradar.analytics.fact.adapter.mongo;

import com.dealerradar.analytics.fact.application.ModelCatalogue;
import com.dealerradar.analytics.fact.domain.ModelNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The model catalogue, one small document per brand ({@code _id} the brand), grown by a compare-and-set
 * on its version so that instances never exceed {@link ModelNames#PER_BRAND}. Since an entry, once in,
 * stays, this instance remembers the entries it has seen.
 */
@Component
public class ModelCatalogueStore implements ModelCatalogue {

    static final String COLLECTION = "analytics_model_catalogue";
    private static final int ATTEMPTS = 10;

    private final ReactiveMongoTemplate mongo;
    private final Map<String, List<String>> known = new ConcurrentHashMap<>();

    public ModelCatalogueStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<String> entryOf(String brand, String model) {
        String name = ModelNames.normalize(model);
        if (name == null) {
            return Mono.empty();
        }
        List<String> cached = known.get(brand);
        if (cached != null && (cached.contains(name) || !ModelNames.hasRoom(cached))) {
            return Mono.just(ModelNames.entryOf(name, cached));
        }
        return enter(brand, name, ATTEMPTS);
    }

    private Mono<String> enter(String brand, String name, int attempts) {
        return mongo.findById(brand, Document.class, COLLECTION).defaultIfEmpty(new Document()).flatMap(doc -> {
            List<String> models = new ArrayList<>(doc.getList("models", String.class, List.of()));
            long version = doc.get("version") instanceof Number n ? n.longValue() : 0;
            if (models.contains(name) || !ModelNames.hasRoom(models)) {
                known.put(brand, List.copyOf(models));
                return Mono.just(ModelNames.entryOf(name, models));
            }
            models.add(name);
            Document next = new Document("_id", brand).append("models", models).append("version", version + 1);
            Mono<Boolean> written = version == 0
                    ? mongo.insert(next, COLLECTION).thenReturn(true)
                            .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false))
                    : mongo.getCollection(COLLECTION).flatMap(c -> Mono.from(c.replaceOne(
                            new Document("_id", brand).append("version", version), next)))
                            .map(result -> result.getMatchedCount() == 1);
            return written.flatMap(ok -> {
                if (ok) {
                    known.put(brand, List.copyOf(models));
                    return Mono.just(name);
                }
                return attempts > 1 ? enter(brand, name, attempts - 1)
                        : Mono.error(new IllegalStateException("model catalogue of " + brand + " kept changing"));
            });
        });
    }
}
