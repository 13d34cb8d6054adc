package com.dealerradar.followup.directory;

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

/** Which region each dealer is in, kept from radar.directory, so that a regional manager's dealer lists can be scoped. */
@Component
public class DealerRegions {

    static final String COLLECTION = "dealers";
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

    private final ReactiveMongoTemplate mongo;

    public DealerRegions(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @KafkaListener(topics = "#{@topics.directory()}", groupId = "followup-service-directory")
    public void on(ConsumerRecord<String, CloudEvent> record) {
        EventEnvelope event = CloudEventCodec.fromCloudEvent(record.value());
        DealerRegistered dealer = EventJson.read(event.data(), DealerRegistered.class);
        Document doc = new Document("_id", dealer.dealerId())
                .append("region", dealer.region())
                .append("version", event.sequence());
        // Replace only with a newer version: a stale or repeated event changes nothing.
        Query olderOrAbsent = Query.query(Criteria.where("_id").is(dealer.dealerId()).and("version").lt(event.sequence()));
        mongo.findAndReplace(olderOrAbsent, doc, FindAndReplaceOptions.options().upsert(), COLLECTION)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                .block(WRITE_TIMEOUT);
    }

    public Mono<String> regionOf(String dealerId) {
        return mongo.findById(dealerId, Document.class, COLLECTION).map(d -> d.getString("region"));
    }
}
