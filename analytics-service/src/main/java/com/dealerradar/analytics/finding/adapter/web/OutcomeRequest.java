package com.dealerradar.analytics.finding.adapter.web;

import com.dealerradar.analytics.finding.domain.NewOutcome;
import com.dealerradar.analytics.finding.domain.Outcome;
import java.time.OffsetDateTime;

/** The body of {@code POST /api/analytics/findings/{findingId}/outcomes}; the domain checks every field. */
record OutcomeRequest(Outcome outcome, OffsetDateTime at, String leadId, String reason, String externalRef) {

    NewOutcome toNewOutcome() {
        return new NewOutcome(outcome, at, leadId, reason, externalRef);
    }
}
