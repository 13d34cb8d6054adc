package com.dealerradar.followupservice.followup.domain;

import java.time.Instant;
import java.time.OffsetDateTime;

/** A follow-up as stored: who made it, for which lead, what came of it. */
public record FollowUp(
        String followUpId,
        String leadId,
        String dealerId,
        String externalRef,
        OffsetDateTime occurredAt,
        FollowUpType type,
        FollowUpOutcome outcome,
        String note,
        String consultant,
        FollowUpState state,
        Instant recordedAt,
        String fingerprint) {

    public static FollowUp of(String followUpId, String dealerId, NewFollowUp request, FollowUpState state,
            Instant recordedAt) {
        return new FollowUp(followUpId, request.leadId(), dealerId, request.externalRef(), request.occurredAt(),
                request.type(), request.outcome(), request.note(), request.consultant(), state, recordedAt,
                request.fingerprint());
    }

    public FollowUp inState(FollowUpState newState) {
        return new FollowUp(followUpId, leadId, dealerId, externalRef, occurredAt, type, outcome, note, consultant,
                newState, recordedAt, fingerprint);
    }

    public boolean reached() {
        return outcome.reachedTheLead();
    }
}
