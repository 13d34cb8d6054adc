package com.dealerradar.analytics.fact.adapter.mongo;

import com.dealerradar.analytics.fact.application.CellIndex;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The cell index as small documents, each read by {@code _id}: a dealer's day to its leads
 * ({@code analytics_day_leads}, as many as the dealer captured that day), and in
 * {@code analytics_scopes} a region to its dealers, the group to its regions and the extent of the
 * days with leads. None grows with history.
 */
@Component
public class CellIndexStore implements CellIndex {

    static final String DAY_LEADS = "analytics_day_leads";
    static final String SCOPES = "analytics_scopes";
    private static final String GROUP = "G";
    private static final String EXTENT = "extent";

    private final ReactiveMongoTemplate mongo;

    public CellIndexStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Void> addLead(String dealerId, String day, String leadId) {
        return addTo(DAY_LEADS, dayId(dealerId, day), leadId);
    }

    @Override
    public Mono<List<String>> leadsOf(String dealerId, String day) {
        return members(DAY_LEADS, dayId(dealerId, day));
    }

    @Override
    public Mono<Void> addDealer(String region, String dealerId) {
        return addTo(SCOPES, "R:" + region, dealerId).then(addTo(SCOPES, GROUP, region));
    }

    @Override
    public Mono<Void> widen(String first, String last) {
        Update update = new Update().min("first", first).max("last", last);
        return mongo.upsert(Query.query(Criteria.where("_id").is(EXTENT)), update, SCOPES).then();
    }

    @Override
    public Mono<List<String>> dealersIn(String region) {
        return members(SCOPES, "R:" + region);
    }

    @Override
    public Mono<List<String>> regions() {
        return members(SCOPES, GROUP);
    }

    @Override
    public Mono<Optional<Extent>> extent() {
        return mongo.findById(EXTENT, Document.class, SCOPES)
                .map(d -> Optional.of(new Extent(LocalDate.parse(d.getString("first")), LocalDate.parse(d.getString("last")))))
                .defaultIfEmpty(Optional.empty());
    }

    @Override
    public Mono<Void> dropAll() {
        return mongo.remove(new Query(), DAY_LEADS).then(mongo.remove(new Query(), SCOPES)).then();
    }

    private Mono<Void> addTo(String collection, String id, String member) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(id)), new Update().addToSet("members", member),
                FindAndModifyOptions.options().upsert(true), Document.class, collection).then();
    }

    private Mono<List<String>> members(String collection, String id) {
        return mongo.findById(id, Document.class, collection)
                .map(d -> d.getList("members", String.class, List.of()))
                .defaultIfEmpty(List.of());
    }

    static String dayId(String dealerId, String day) {
        return dealerId + "|" + day;
    }
}
