package com.dealerradar.defeatservice.leadview.adapter.kafka;

import com.dealerradar.events.EventEnvelope;
import com.dealerradar.defeatservice.leadview.application.KnownLeadProjection;
import java.time.Duration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Applies radar.leads in partition order; the offset is committed only after the view is written. */
@Component
class LeadEventsListener {

    /** The consumer group, also the listener's id in the {@code KafkaListenerEndpointRegistry}. */
    static final String GROUP = "defeat-service-leads";

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final KnownLeadProjection projection;

    LeadEventsListener(KnownLeadProjection projection) {
        this.projection = projection;
    }

    @KafkaListener(id = GROUP, topics = "#{@topics.leads()}", groupId = GROUP)
    void on(EventEnvelope event) {
        projection.apply(event).block(WRITE_TIMEOUT);
    }
}
