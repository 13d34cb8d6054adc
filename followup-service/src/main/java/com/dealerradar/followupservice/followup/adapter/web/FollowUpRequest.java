package com.dealerradar.followupservice.followup.adapter.web;

import com.dealerradar.followupservice.followup.domain.FollowUpOutcome;
import com.dealerradar.followupservice.followup.domain.FollowUpType;
import com.dealerradar.followupservice.followup.domain.NewFollowUp;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** The body of {@code POST /api/follow-ups}; unknown enum values fail while reading, naming their field. */
record FollowUpRequest(
        @NotBlank @Size(max = 64) String leadId,
        @NotBlank @Size(max = 128) String externalRef,
        @NotNull OffsetDateTime occurredAt,
        @NotNull FollowUpType type,
        @NotNull FollowUpOutcome outcome,
        @Size(max = 2000) String note,
        @Size(max = 100) String consultant) {

    NewFollowUp toNewFollowUp() {
        return new NewFollowUp(leadId.strip(), externalRef.strip(), occurredAt, type, outcome, blankToNull(note),
                blankToNull(consultant));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
