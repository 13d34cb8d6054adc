package com.dealerradar.followupservice.followup.application;

import com.dealerradar.followupservice.followup.domain.FollowUp;
import com.dealerradar.followupservice.followup.domain.FollowUpState;
import com.dealerradar.followupservice.leadview.application.LeadViews;
import com.dealerradar.followupservice.leadview.domain.TrackedLead;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Counts a stored follow-up for its lead: moves the lead's last reached time and plan, and puts
 * {@code radar.followup.recorded.v1} in the lead's outbox in the same write. Counting twice changes nothing.
 */
@Service
public class CountFollowUp {

    private final LeadViews leads;
    private final FollowUps followUps;

    public CountFollowUp(LeadViews leads, FollowUps followUps) {
        this.leads = leads;
        this.followUps = followUps;
    }

    /**
     * Counts a follow-up stored as RECORDING and then marks it RECORDED; a crash in between leaves it
     * RECORDING, and counting it again later changes nothing but the mark.
     */
    public Mono<FollowUp> complete(FollowUp followUp) {
        return count(followUp)
                .then(followUps.changeState(followUp, FollowUpState.RECORDING, FollowUpState.RECORDED))
                .thenReturn(followUp.inState(FollowUpState.RECORDED));
    }

    public Mono<TrackedLead> count(FollowUp followUp) {
        return leads.change(followUp.leadId(), (lead, cadence) -> lead
                        .recorded(followUp.followUpId(), followUp.occurredAt().toInstant(), followUp.reached(), cadence)
                        .map(recorded -> new LeadViews.Change(recorded.lead(),
                                List.of(FollowUpEvents.recorded(recorded.lead(), followUp,
                                        recorded.firstResponseMinutes())))))
                .map(LeadViews.Applied::lead);
    }
}
