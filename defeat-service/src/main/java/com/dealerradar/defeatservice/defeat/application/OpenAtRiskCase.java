package com.dealerradar.defeatservice.defeat.application;

import com.dealerradar.defeatservice.defeat.domain.Defeat;
import com.dealerradar.defeatservice.leadview.application.KnownLeads;
import com.dealerradar.defeatservice.leadview.domain.LeadStatus;
import com.dealerradar.events.followup.AtRiskCandidate;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Puts a lead that followup-service found long unconverted before the sales manager, as an AT_RISK /
 * LONG_UNCONVERTED case pending callback. The case id is derived from the lead and the episode (why
 * and since), so a redelivered candidate finds its case already there and opens nothing.
 */
@Service
public class OpenAtRiskCase {

    private static final Logger log = LoggerFactory.getLogger(OpenAtRiskCase.class);

    private final KnownLeads leads;
    private final Defeats defeats;
    private final DefeatOpening opening;
    private final DefeatProperties properties;
    private final Clock clock;

    public OpenAtRiskCase(KnownLeads leads, Defeats defeats, DefeatOpening opening,
            DefeatProperties properties, Clock clock) {
        this.leads = leads;
        this.defeats = defeats;
        this.opening = opening;
        this.properties = properties;
        this.clock = clock;
    }

    public Mono<Void> open(AtRiskCandidate candidate) {
        String defeatId = caseId(candidate);
        return defeats.find(defeatId).hasElement()
                .flatMap(opened -> opened ? Mono.empty() : leads.introduce(candidate.leadId(), candidate.dealerId(),
                        candidate.region()).then(leads.find(candidate.leadId())))
                .flatMap(lead -> {
                    Defeat defeat = Defeat.atRiskCandidate(defeatId, lead.leadId(), lead.dealerId(), lead.region(),
                            candidate.since(), candidate.why(), properties.callbackDue(), clock.instant());
                    return opening.open(defeat, List.of(DefeatEvents.reported(defeat)),
                            LeadStatus.acceptingAtRiskCases());
                })
                .doOnNext(outcome -> {
                    if (outcome != DefeatOpening.Outcome.OPENED) {
                        log.info("no at-risk case for lead {} ({} since {}): {}", candidate.leadId(), candidate.why(),
                                candidate.since(), outcome);
                    }
                })
                .then();
    }

    static String caseId(AtRiskCandidate c) {
        String episode = "at-risk|" + c.leadId() + "|" + c.why() + "|" + c.since().toInstant();
        return UUID.nameUUIDFromBytes(episode.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
