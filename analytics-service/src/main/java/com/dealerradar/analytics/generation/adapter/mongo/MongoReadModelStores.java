package com.dealerradar.analytics.generation.adapter.mongo;

import com.dealerradar.analytics.fact.adapter.mongo.CellIndexStore;
import com.dealerradar.analytics.fact.adapter.mongo.CellStore;
import com.dealerradar.analytics.fact.adapter.mongo.DirtyMarkerStore;
import com.dealerradar.analytics.fact.adapter.mongo.FactStore;
import com.dealerradar.analytics.generation.application.ReadModelStores;
import com.dealerradar.analytics.wave.adapter.mongo.InquiryDayStore;
import com.dealerradar.analytics.wave.adapter.mongo.InquiryFactStore;
import com.dealerradar.platform.directory.MongoDealerDirectory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A generation's stores over its own collections ({@link GenerationCollections}); dropping it drops them. */
@Component
class MongoReadModelStores implements ReadModelStores {

    private final ReactiveMongoTemplate mongo;

    MongoReadModelStores(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String firstGeneration() {
        return GenerationCollections.FIRST;
    }

    @Override
    public Stores open(String generation) {
        GenerationCollections collections = new GenerationCollections(generation);
        return new Stores(new MongoDealerDirectory(mongo, collections.of(GenerationCollections.DEALERS)),
                new FactStore(mongo, collections), new CellStore(mongo, collections),
                new CellIndexStore(mongo, collections), new DirtyMarkerStore(mongo, collections),
                new InquiryDayStore(mongo, collections), new InquiryFactStore(mongo, collections));
    }

    @Override
    public Mono<Void> drop(String generation) {
        return Flux.fromIterable(new GenerationCollections(generation).all()).concatMap(mongo::dropCollection).then();
    }
}
