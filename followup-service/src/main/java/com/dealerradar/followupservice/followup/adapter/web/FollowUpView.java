package com.dealerradar.followupservice.followup.adapter.web;

import com.dealerradar.followupservice.followup.domain.FollowUp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A follow-up as callers see it; {@code state} is AWAITING_LEAD while its lead is not known here yet. */
record FollowUpView(
        String followUpId,
        String leadId,
        String dealerId,
        String externalRef,
        OffsetDateTime occurredAt,
        String type,
        String outcome,
        boolean reached,
        String note,
        String consultant,
        String state,
        Instant recordedAt) {

    static FollowUpView of(FollowUp f) {
        return new FollowUpView(f.followUpId(), f.leadId(), f.dealerId(), f.externalRef(), f.occurredAt(),
                f.type().name(), f.outcome().name(), f.reached(), f.note(), f.consultant(), f.state().name(),
                f.recordedAt());
    }
}
