package com.dealerradar.analytics.fact.adapter.kafka;

import com.dealerradar.events.EventEnvelope;
import com.dealerradar.analytics.generation.application.ReadModels;
import java.time.Duration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies radar.leads, radar.followups and radar.defeats in partition order; the offset is committed
 * once the fact is written and its dealer-day marked dirty. The cells follow on the next flush
 * ({@link CellFlushLoop}). Several instances may share the partitions. The event goes to the generation
 * that serves, and to the one a rebuild is building ({@link ReadModels}).
 */
@Component
class LeadEventsListener {

    static final String LISTENER_ID = "analytics-lead-events";
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final ReadModels models;

    LeadEventsListener(ReadModels models) {
        this.models = models;
    }

    @KafkaListener(id = LISTENER_ID, topics = {"#{@topics.leads()}", "#{@topics.followups()}", "#{@topics.defeats()}"},
            groupId = "analytics-service")
    void on(EventEnvelope event) {
        models.applyLeadEvent(event).block(WRITE_TIMEOUT);
    }
}
