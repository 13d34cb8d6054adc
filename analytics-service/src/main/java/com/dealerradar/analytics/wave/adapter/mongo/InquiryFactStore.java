package com.dealerradar.analytics.wave.adapter.mongo;

import com.dealerradar.analytics.generation.adapter.mongo.GenerationCollections;
import com.dealerradar.analytics.wave.application.InquiryFacts;
import com.dealerradar.analytics.wave.domain.Inquiry;
import java.util.Collection;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;

/**
 * Reads the capture fields an inquiry needs from the generation's lead facts ({@code lead_facts},
 * written by the fact projection), by {@code _id $in}, only those fields. A fact without a day has
 * not seen its capture yet and is no inquiry.
 */
public class InquiryFactStore implements InquiryFacts {

    private final ReactiveMongoTemplate mongo;
    private final String facts;

    public InquiryFactStore(ReactiveMongoTemplate mongo, GenerationCollections generation) {
        this.mongo = mongo;
        this.facts = generation.of(GenerationCollections.FACTS);
    }

    @Override
    public Flux<Inquiry> of(Collection<String> leadIds) {
        if (leadIds.isEmpty()) {
            return Flux.empty();
        }
        Query query = Query.query(Criteria.where("_id").in(leadIds));
        query.fields().include("day", "industry", "region", "organization", "vehicles");
        return mongo.find(query, Document.class, facts)
                .filter(fact -> fact.getString("day") != null && fact.getString("industry") != null)
                .map(fact -> new Inquiry(fact.getString("industry"), fact.getString("region"),
                        fact.getString("organization"), fact.get("vehicles") instanceof Number n ? n.longValue() : 1));
    }
}
