package com.dealerradar.analytics.fact.adapter.mongo;

import com.dealerradar.analytics.fact.application.CellIndex;
import com.dealerradar.analytics.generation.adapter.mongo.GenerationCollections;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * The cell index as small documents, each read by {@code _id}: a dealer's day to its leads
 * ({@code analytics_day_leads}, as many as the dealer captured that day), and in
 * {@code analytics_scopes} a region to its dealers, the group to its regions and the extent of the
 * days with leads. None grows with history.
 */
public class CellIndexStore implements CellIndex {

    private static final String GROUP = "G";
    private static final String EXTENT = "extent";

    private final ReactiveMongoTemplate mongo;
    private final String dayLeads;
    private final String scopes;

    public CellIndexStore(ReactiveMongoTemplate mongo, GenerationCollections generation) {
        this.mongo = mongo;
        this.dayLeads = generation.of(GenerationCollections.DAY_LEADS);
        this.scopes = generation.of(GenerationCollections.SCOPES);
    }

    @Override
    public Mono<Void> addLead(String dealerId, String day, String leadId) {
        return addTo(dayLeads, dayId(dealerId, day), leadId);
    }

    @Override
    public Mono<List<String>> leadsOf(String dealerId, String day) {
        return members(dayLeads, dayId(dealerId, day));
    }

    @Override
    public Mono<Void> addDealer(String region, String dealerId) {
        return addTo(scopes, "R:" + region, dealerId).then(addTo(scopes, GROUP, region));
    }

    @Override
    public Mono<Void> widen(String first, String last) {
        Update update = new Update().min("first", first).max("last", last);
        return mongo.upsert(Query.query(Criteria.where("_id").is(EXTENT)), update, scopes).then();
    }

    @Override
    public Mono<List<String>> dealersIn(String region) {
        return members(scopes, "R:" + region);
    }

    @Override
    public Mono<List<String>> regions() {
        return members(scopes, GROUP);
    }

    @Override
    public Mono<Optional<Extent>> extent() {
        return mongo.findById(EXTENT, Document.class, scopes)
                .map(d -> Optional.of(new Extent(LocalDate.parse(d.getString("first")), LocalDate.parse(d.getString("last")))))
                .defaultIfEmpty(Optional.empty());
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
