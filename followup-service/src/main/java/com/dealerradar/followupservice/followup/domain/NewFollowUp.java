package com.dealerradar.followupservice.followup.domain;

import com.dealerradar.platform.idempotency.Fingerprint;
import com.dealerradar.platform.problem.Violation;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** A follow-up as a dealer system reports it, before it has an id. */
public record NewFollowUp(
        String leadId,
        String externalRef,
        OffsetDateTime occurredAt,
        FollowUpType type,
        FollowUpOutcome outcome,
        String note,
        String consultant) {

    /** How far ahead of our clock a dealer system's clock may run. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** The rules the request alone can break; single-field rules are checked where it is read. */
    public List<Violation> violations(Instant now) {
        if (occurredAt != null && occurredAt.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            return List.of(new Violation("occurredAt", "must not be in the future"));
        }
        return List.of();
    }

    /** A follow-up cannot have happened before its lead came in. */
    public List<Violation> violations(Instant now, Instant leadCapturedAt) {
        if (occurredAt != null && occurredAt.toInstant().isBefore(leadCapturedAt)) {
            return List.of(new Violation("occurredAt", "must not be before the lead was captured"));
        }
        return violations(now);
    }

    /** Tells a harmless retry with the same {@code externalRef} (same content) from a conflict. */
    public String fingerprint() {
        return Fingerprint.of(Arrays.asList(leadId, externalRef, occurredAt == null ? "" : occurredAt.toInstant(),
                type, outcome, note, consultant));
    }
}
