package com.dealerradar.leadservice.lead.adapter.kafka;

import com.dealerradar.events.EventEnvelope;
import com.dealerradar.events.EventJson;
import com.dealerradar.events.EventTypes;
import com.dealerradar.events.defeat.DefeatConfirmed;
import com.dealerradar.events.defeat.DefeatReversed;
import com.dealerradar.leadservice.lead.application.DefeatOutcomes;
import com.dealerradar.leadservice.lead.domain.DefeatEvent;
import com.dealerradar.leadservice.lead.domain.DefeatKind;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies confirmed and reversed defeats to their leads in partition order (the record key is the
 * lead id); the offset is committed only after the lead is written. Other defeat events concern
 * defeat-service alone.
 */
@Component
class DefeatEventsListener {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final DefeatOutcomes outcomes;

    DefeatEventsListener(DefeatOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @KafkaListener(topics = "#{@topics.defeats()}", groupId = "lead-service-defeats")
    void on(EventEnvelope event) {
        switch (event.type()) {
            case EventTypes.DEFEAT_CONFIRMED -> {
                DefeatConfirmed confirmed = EventJson.read(event.data(), DefeatConfirmed.class);
                outcomes.confirmed(confirmed.leadId(), defeatEvent(event, confirmed.defeatId(), confirmed.occurredAt()),
                        DefeatKind.valueOf(confirmed.kind())).block(WRITE_TIMEOUT);
            }
            case EventTypes.DEFEAT_REVERSED -> {
                DefeatReversed reversed = EventJson.read(event.data(), DefeatReversed.class);
                outcomes.reversed(reversed.leadId(), defeatEvent(event, reversed.defeatId(), reversed.occurredAt()))
                        .block(WRITE_TIMEOUT);
            }
            default -> { }
        }
    }

    private static DefeatEvent defeatEvent(EventEnvelope event, String defeatId, OffsetDateTime at) {
        return new DefeatEvent(event.id(), defeatId, event.sequence(), at == null ? event.time() : at);
    }
}
