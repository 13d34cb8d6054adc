package com.dealerradar.analytics.fact.adapter.kafka;

import com.dealerradar.analytics.fact.adapter.mongo.RollupStore;
import com.dealerradar.analytics.fact.application.LeadProjection;
import com.dealerradar.events.CloudEventCodec;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies radar.leads, radar.followups and radar.defeats in partition order; the offset is committed
 * only after the fact and its group's rollup are written. One consumer thread applies all three, so
 * two recomputes of one group never race.
 */
@Component
class LeadEventsListener {

    static final String LISTENER_ID = "analytics-lead-events";
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final LeadProjection projection;
    private final RollupStore rollups;

    LeadEventsListener(LeadProjection projection, RollupStore rollups) {
        this.projection = projection;
        this.rollups = rollups;
    }

    @KafkaListener(id = LISTENER_ID, topics = {"#{@topics.leads()}", "#{@topics.followups()}", "#{@topics.defeats()}"},
            groupId = "analytics-service")
    void on(ConsumerRecord<String, CloudEvent> record) {
        projection.apply(CloudEventCodec.fromCloudEvent(record.value()))
                .flatMap(rollups::recompute)
                .block(WRITE_TIMEOUT);
    }
}
