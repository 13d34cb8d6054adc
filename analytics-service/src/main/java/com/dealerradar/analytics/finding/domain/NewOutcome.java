package com.dealerradar.analytics.finding.domain;

import com.dealerradar.platform.idempotency.Fingerprint;
import com.dealerradar.platform.problem.InputBounds;
import com.dealerradar.platform.problem.Violation;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An outcome as the owner reports it. LEAD_CREATED and WON may name the lead; DROPPED must say why.
 * {@code externalRef}, when given, makes a retry answer with the finding as it stands.
 */
public record NewOutcome(Outcome outcome, OffsetDateTime at, String leadId, String reason, String externalRef) {

    /** How far ahead of our clock a reporter's clock may run. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    public NewOutcome {
        leadId = Texts.orNull(leadId);
        reason = Texts.orNull(reason);
        externalRef = Texts.orNull(externalRef);
    }

    /** Tells a retry of this outcome from another outcome sent with the same {@code externalRef}. */
    public String fingerprint() {
        return Fingerprint.of(Arrays.asList(outcome, at == null ? null : at.toInstant(), leadId, reason));
    }

    public List<Violation> violations(Instant now) {
        List<Violation> violations = new ArrayList<>();
        if (outcome == null) {
            violations.add(new Violation("outcome", "is required: VISITED, LEAD_CREATED, WON or DROPPED"));
        }
        if (at == null) {
            violations.add(new Violation("at", "is required"));
        } else if (InputBounds.instantViolation(at.toInstant()) != null) {
            violations.add(new Violation("at", InputBounds.instantViolation(at.toInstant())));
        } else if (at.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            violations.add(new Violation("at", "must not be in the future"));
        }
        if (outcome == Outcome.LEAD_CREATED || outcome == Outcome.WON) {
            Texts.check(violations, "leadId", leadId, Texts.NAME, false);
        } else {
            Texts.absent(violations, "leadId", leadId, "only LEAD_CREATED and WON name a lead");
        }
        if (outcome == Outcome.DROPPED) {
            Texts.check(violations, "reason", reason, Texts.REASON, true);
        } else {
            Texts.absent(violations, "reason", reason, "only DROPPED has a reason");
        }
        Texts.check(violations, "externalRef", externalRef, Texts.REF, false);
        return violations;
    }
}
