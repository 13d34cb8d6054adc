package com.dealerradar.leadservice.directory.adapter.mongo;

import com.dealerradar.leadservice.directory.application.DealerScope;
import com.dealerradar.leadservice.directory.application.Dealers;
import com.dealerradar.leadservice.directory.domain.Dealer;
import com.dealerradar.platform.outbox.OutboxEvent;
import com.dealerradar.platform.outbox.OutboxWrites;
import java.util.List;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Dealers in lead-service's database, each with the outbox of its directory events. */
@Component
class DealerStore implements Dealers {

    static final String COLLECTION = "dealers";

    private final ReactiveMongoTemplate mongo;
    private final OutboxWrites outbox;

    DealerStore(ReactiveMongoTemplate mongo, OutboxWrites outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @Override
    public Mono<Boolean> add(Dealer dealer, OutboxEvent registered) {
        Document doc = new Document("_id", dealer.dealerId())
                .append("name", dealer.name())
                .append("region", dealer.region())
                .append("brand", dealer.brand())
                .append("version", 1L)
                .append(OutboxEvent.FIELD, List.of(registered.toDocument()));
        return outbox.insert(COLLECTION, doc).thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, taken -> Mono.just(false));
    }

    @Override
    public Mono<Dealer> find(String dealerId) {
        return mongo.findById(dealerId, Document.class, COLLECTION).map(DealerStore::toDealer);
    }

    @Override
    public Flux<Dealer> list(DealerScope scope, int page, int size) {
        Query query = Query.query(criteria(scope)).with(Sort.by("_id")).skip((long) page * size).limit(size);
        return mongo.find(query, Document.class, COLLECTION).map(DealerStore::toDealer);
    }

    @Override
    public Mono<Long> count(DealerScope scope) {
        return mongo.count(Query.query(criteria(scope)), COLLECTION);
    }

    private static Criteria criteria(DealerScope scope) {
        if (scope.dealerId() != null) {
            return Criteria.where("_id").is(scope.dealerId());
        }
        return scope.region() != null ? Criteria.where("region").is(scope.region()) : new Criteria();
    }

    private static Dealer toDealer(Document d) {
        return new Dealer(d.getString("_id"), d.getString("name"), d.getString("region"), d.getString("brand"));
    }
}
