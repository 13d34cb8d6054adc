package com.dealerradar.leadservice.lead.application;

import com.dealerradar.leadservice.lead.domain.IllegalTransition;
import com.dealerradar.leadservice.lead.domain.LeadStatus;
import com.dealerradar.platform.problem.ApiProblem;

/** 409 for a command the lead's status does not allow; the problem names the current status. */
public class LeadStatusConflict extends ApiProblem {

    private final LeadStatus currentStatus;

    public LeadStatusConflict(IllegalTransition cause) {
        super(Kind.CONFLICT, "illegal-transition", cause.getMessage());
        this.currentStatus = cause.current();
    }

    public LeadStatus currentStatus() {
        return currentStatus;
    }
}
