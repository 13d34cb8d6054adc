package com.dealerradar.leadservice.lead.adapter.mongo;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The phone-number index of the leads: one small document per phone hash, listing the ids of the
 * {@link #REMEMBERED} most recent leads with that number, whatever their status. It lets a capture
 * find its duplicate candidates by key; their status is read from the leads themselves, so a lead
 * that closed or reopened since needs no update here. A number shared by more leads than that names
 * only the most recent ones as possible duplicates.
 */
@Component
class LeadPhones {

    static final String COLLECTION = "lead_phones";
    static final int REMEMBERED = 20;

    private static final String LEADS = "leads";

    private final ReactiveMongoTemplate mongo;

    LeadPhones(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The lead ids remembered for these phone hashes, in one {@code _id $in} read. */
    Flux<String> leadIds(Collection<String> phoneHashes) {
        if (phoneHashes.isEmpty()) {
            return Flux.empty();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(phoneHashes)), Document.class, COLLECTION)
                .flatMapIterable(phone -> phone.getList(LEADS, String.class, List.of()));
    }

    /**
     * Remembers the leads about to be stored under their phone numbers, in one unordered bulk write.
     * It runs before the leads are inserted: an id whose insert then fails names no stored lead and
     * is skipped on reading, whereas the other order could lose a lead from the index.
     */
    Mono<Void> remember(Map<String, List<String>> leadIdsByPhoneHash) {
        if (leadIdsByPhoneHash.isEmpty()) {
            return Mono.empty();
        }
        List<UpdateOneModel<Document>> pushes = new ArrayList<>();
        leadIdsByPhoneHash.forEach((hash, leadIds) -> pushes.add(new UpdateOneModel<>(new Document("_id", hash),
                Updates.pushEach(LEADS, leadIds, new PushOptions().slice(-REMEMBERED)),
                new UpdateOptions().upsert(true))));
        return mongo.getCollection(COLLECTION)
                .flatMap(phones -> Mono.from(phones.bulkWrite(pushes, new BulkWriteOptions().ordered(false))))
                .then();
    }

    static Map<String, List<String>> byPhoneHash(Collection<com.dealerradar.leadservice.lead.domain.Lead> leads) {
        Map<String, List<String>> byHash = new LinkedHashMap<>();
        for (var lead : leads) {
            if (lead.customer().phone() != null) {
                byHash.computeIfAbsent(lead.customer().phone().hash(), h -> new ArrayList<>()).add(lead.leadId());
            }
        }
        return byHash;
    }
}
