package com.dealerradar.defeatservice.defeat.adapter.kafka;

import com.dealerradar.defeatservice.defeat.application.OpenAtRiskCase;
import com.dealerradar.events.EventEnvelope;
import com.dealerradar.events.EventJson;
import com.dealerradar.events.EventTypes;
import com.dealerradar.events.followup.AtRiskCandidate;
import java.time.Duration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Opens an at-risk case for each at-risk candidate on radar.followups; other follow-up events are not ours. */
@Component
class AtRiskCandidateListener {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final OpenAtRiskCase openAtRiskCase;

    AtRiskCandidateListener(OpenAtRiskCase openAtRiskCase) {
        this.openAtRiskCase = openAtRiskCase;
    }

    @KafkaListener(topics = "#{@topics.followups()}", groupId = "defeat-service-at-risk")
    void on(EventEnvelope event) {
        if (EventTypes.FOLLOWUP_AT_RISK_CANDIDATE.equals(event.type())) {
            openAtRiskCase.open(EventJson.read(event.data(), AtRiskCandidate.class)).block(WRITE_TIMEOUT);
        }
    }
}
