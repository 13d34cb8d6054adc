package com.dealerradar.followupservice.leadview.adapter.kafka;

import com.dealerradar.events.EventEnvelope;
import com.dealerradar.events.EventTypes;
import com.dealerradar.followupservice.followup.application.AwaitingFollowUps;
import com.dealerradar.followupservice.leadview.application.LeadProjection;
import java.time.Duration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Applies radar.leads in partition order; the offset is committed only after the write. A capture
 * also settles the follow-ups that were posted before it arrived (on redelivery too, in case the
 * first delivery stopped in between).
 */
@Component
class LeadEventsListener {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final LeadProjection projection;
    private final AwaitingFollowUps awaiting;

    LeadEventsListener(LeadProjection projection, AwaitingFollowUps awaiting) {
        this.projection = projection;
        this.awaiting = awaiting;
    }

    @KafkaListener(topics = "#{@topics.leads()}", groupId = "followup-service")
    void on(EventEnvelope event) {
        Mono<Void> settled = EventTypes.LEAD_CAPTURED.equals(event.type())
                ? awaiting.settle(event.subject()) : Mono.empty();
        projection.apply(event).then(settled).block(WRITE_TIMEOUT);
    }
}
