package com.dealerradar.lead.directory.adapter.mongo;

import com.dealerradar.lead.directory.domain.Dealer;
import com.dealerradar.platform.outbox.OutboxEvent;
import com.dealerradar.platform.outbox.OutboxWrites;
import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Dealers in lead-service's database, each with the outbox of its directory events. */
@Component
public class DealerStore {

    public static final String COLLECTION = "dealers";

    private final ReactiveMongoTemplate mongo;
    private final OutboxWrites outbox;

    public DealerStore(ReactiveMongoTemplate mongo, OutboxWrites outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    /** Fails with {@code DuplicateKeyException} when the dealer id is taken. */
    public Mono<Dealer> insert(Dealer dealer, OutboxEvent registered) {
        Document doc = new Document("_id", dealer.dealerId())
                .append("name", dealer.name())
                .append("region", dealer.region())
                .append("brand", dealer.brand())
                .append("version", 1L)
                .append(OutboxEvent.FIELD, List.of(registered.toDocument()));
        return outbox.insert(COLLECTION, doc).thenReturn(dealer);
    }

    public Mono<Dealer> find(String dealerId) {
        return mongo.findById(dealerId, Document.class, COLLECTION).map(DealerStore::toDealer);
    }

    /** A page of dealers, optionally only one region's or one dealer's. */
    public Flux<Dealer> list(Criteria scope, int page, int size) {
        Query query = Query.query(scope).with(Sort.by("_id")).skip((long) page * size).limit(size);
        return mongo.find(query, Document.class, COLLECTION).map(DealerStore::toDealer);
    }

    public Mono<Long> count(Criteria scope) {
        return mongo.count(Query.query(scope), COLLECTION);
    }

    private static Dealer toDealer(Document d) {
        return new Dealer(d.getString("_id"), d.getString("name"), d.getString("region"), d.getString("brand"));
    }
}
