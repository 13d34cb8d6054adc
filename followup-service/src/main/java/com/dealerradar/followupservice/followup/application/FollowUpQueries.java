package com.dealerradar.followupservice.followup.application;

import com.dealerradar.followupservice.followup.domain.FollowUp;
import com.dealerradar.followupservice.leadview.application.LeadViews;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.paging.PageOf;
import com.dealerradar.platform.paging.Paging;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Reading a lead's follow-ups within the caller's scope. */
@Service
public class FollowUpQueries {

    private final LeadViews leads;
    private final FollowUps followUps;

    public FollowUpQueries(LeadViews leads, FollowUps followUps) {
        this.leads = leads;
        this.followUps = followUps;
    }

    /** The counted follow-ups of a lead the caller may see, in the order they happened; another dealer's lead is "not found". */
    public Mono<PageOf<FollowUp>> ofLead(Caller caller, String leadId, Paging paging) {
        return leads.find(leadId)
                .filter(lead -> caller.canRead(lead.dealerId(), lead.region()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("lead " + leadId)))
                .flatMap(lead -> Mono.zip(
                        followUps.recordedOfLead(leadId, paging.skip(), paging.size()).collectList(),
                        followUps.countRecordedOfLead(leadId)))
                .map(itemsAndTotal -> new PageOf<>(itemsAndTotal.getT1(), paging.page(), paging.size(),
                        itemsAndTotal.getT2()));
    }
}
