package com.dealerradar.analytics.directory;

import com.dealerradar.events.CloudEventCodec;
import com.dealerradar.events.EventEnvelope;
import com.dealerradar.events.EventJson;
import com.dealerradar.events.directory.DealerRegistered;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** analytics-service's own copy of the directory, kept from radar.directory: which region a dealer is in. */
@Component
public class DealerDirectory {

    static final String COLLECTION = "dealers";
    public static final String UNKNOWN_BRAND = "UNKNOWN";
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

    private final ReactiveMongoTemplate mongo;

    public DealerDirectory(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @KafkaListener(topics = "#{@topics.directory()}", groupId = "analytics-service-directory")
    public void on(ConsumerRecord<String, CloudEvent> record) {
        apply(CloudEventCodec.fromCloudEvent(record.value())).block(WRITE_TIMEOUT);
    }

    public Mono<Void> apply(EventEnvelope event) {
        DealerRegistered dealer = EventJson.read(event.data(), DealerRegistered.class);
        Document doc = new Document("_id", dealer.dealerId())
                .append("name", dealer.name())
                .append("region", dealer.region())
                .append("brand", dealer.brand())
                .append("version", event.sequence());
        // Replace only with a newer version: a stale or repeated event changes nothing.
        Query olderOrAbsent = Query.query(Criteria.where("_id").is(dealer.dealerId()).and("version").lt(event.sequence()));
        return mongo.findAndReplace(olderOrAbsent, doc, FindAndReplaceOptions.options().upsert(), COLLECTION)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                .then();
    }

    public Mono<Void> dropAll() {
        return mongo.remove(new Query(), COLLECTION).then();
    }

    /** The brand a dealer sells, which names its model catalogue; {@link #UNKNOWN_BRAND} before the dealer is known. */
    public Mono<String> brandOf(String dealerId) {
        return mongo.findById(dealerId, Document.class, COLLECTION)
                .mapNotNull(d -> d.getString("brand"))
                .defaultIfEmpty(UNKNOWN_BRAND);
    }

    public Mono<String> regionOf(String dealerId) {
        return mongo.findById(dealerId, Document.class, COLLECTION).map(d -> d.getString("region"));
    }
}
