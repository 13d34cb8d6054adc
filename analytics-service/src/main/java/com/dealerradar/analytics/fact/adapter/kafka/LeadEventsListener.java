package com.dealerradar.analytics.fact.adapter.kafka;

import com.dealerradar.analytics.fact.application.EventIntake;
import com.dealerradar.events.CloudEventCodec;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies radar.leads, radar.followups and radar.defeats in partition order; the offset is committed
 * once the fact is written and its dealer-day marked dirty. The cells follow on the next flush
 * ({@link CellFlushLoop}). Several instances may share the partitions.
 */
@Component
class LeadEventsListener {

    static final String LISTENER_ID = "analytics-lead-events";
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final EventIntake intake;

    LeadEventsListener(EventIntake intake) {
        this.intake = intake;
    }

    @KafkaListener(id = LISTENER_ID, topics = {"#{@topics.leads()}", "#{@topics.followups()}", "#{@topics.defeats()}"},
            groupId = "analytics-service")
    void on(ConsumerRecord<String, CloudEvent> record) {
        intake.apply(CloudEventCodec.fromCloudEvent(record.value())).block(WRITE_TIMEOUT);
    }
}
