package com.dealerradar.followupservice.followup.application;

import com.dealerradar.followupservice.followup.domain.FollowUp;
import com.dealerradar.followupservice.followup.domain.FollowUpState;
import com.dealerradar.followupservice.leadview.application.LeadViews;
import com.dealerradar.followupservice.leadview.domain.TrackedLead;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Settles the follow-ups accepted before their lead was known, once it is: one of the dealer that
 * owns the lead is counted; one posted by another dealer (or dated before the capture) is rejected
 * and counted in {@code radar.followup.rejected}.
 */
@Service
public class AwaitingFollowUps {

    private static final Logger log = LoggerFactory.getLogger(AwaitingFollowUps.class);

    private final FollowUps followUps;
    private final LeadViews leads;
    private final CountFollowUp counter;
    private final MeterRegistry meters;

    public AwaitingFollowUps(FollowUps followUps, LeadViews leads, CountFollowUp counter, MeterRegistry meters) {
        this.followUps = followUps;
        this.leads = leads;
        this.counter = counter;
        this.meters = meters;
    }

    /** Settles whatever waits for {@code leadId}; does nothing while the lead is unknown. */
    public Mono<Void> settle(String leadId) {
        return leads.find(leadId)
                .flatMap(lead -> followUps.awaiting(leadId)
                        .flatMap(awaiting -> Flux.fromIterable(awaiting.followUps())
                                .filter(followUp -> followUp.state() == FollowUpState.AWAITING_LEAD)
                                .concatMap(followUp -> settle(lead, followUp))
                                // An id not stored is a post still under way (it marks itself again) or one that failed.
                                .then(followUps.stopAwaiting(leadId, awaiting.ids()))));
    }

    private Mono<Void> settle(TrackedLead lead, FollowUp followUp) {
        if (!followUp.dealerId().equals(lead.dealerId())) {
            return reject(followUp, "another dealer's lead");
        }
        if (followUp.occurredAt().toInstant().isBefore(lead.capturedAt())) {
            return reject(followUp, "dated before the lead's capture");
        }
        // Counting first and then marking keeps a crash in between harmless: counting again changes nothing.
        return counter.count(followUp)
                .then(followUps.changeState(followUp, FollowUpState.AWAITING_LEAD, FollowUpState.RECORDED))
                .then();
    }

    private Mono<Void> reject(FollowUp followUp, String why) {
        return followUps.changeState(followUp, FollowUpState.AWAITING_LEAD, FollowUpState.REJECTED)
                .doOnNext(changed -> {
                    if (changed) {
                        log.warn("follow-up {} of dealer {} for lead {} rejected: {}", followUp.followUpId(),
                                followUp.dealerId(), followUp.leadId(), why);
                        meters.counter("radar.followup.rejected", "reason", why).increment();
                    }
                })
                .then();
    }
}
