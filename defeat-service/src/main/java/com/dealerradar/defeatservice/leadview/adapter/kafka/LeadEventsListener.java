package com.dealerradar.defeatservice.leadview.adapter.kafka;

import com.dealerradar.events.EventEnvelope;
import com.dealerradar.defeatservice.leadview.application.KnownLeadProjection;
import java.time.Duration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Applies radar.leads in partition order; the offset is committed only after the view is written. */
@Component
class LeadEventsListener {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final KnownLeadProjection projection;

    LeadEventsListener(KnownLeadProjection projection) {
        this.projection = projection;
    }

    @KafkaListener(topics = "#{@topics.leads()}", groupId = "defeat-service-leads")
    void on(EventEnvelope event) {
        projection.apply(event).block(WRITE_TIMEOUT);
    }
}
