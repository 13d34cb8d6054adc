package com.dealerradar.followupservice.leadview.domain;

import java.time.Instant;

/**
 * When a lead needs attention under the cadence of revision {@code cadenceRevision}: its next
 * follow-up is due at {@code dueAt}, its purchase window ends at {@code windowEndsAt}, and from
 * {@code longOverdueAt} on it is overdue by more than twice its interval.
 */
public record Plan(Instant dueAt, Instant windowEndsAt, Instant longOverdueAt, long cadenceRevision) {

    public boolean overdueAt(Instant now) {
        return dueAt.isBefore(now);
    }

    /** When the reason became true, or null while it does not hold at {@code now}. */
    public Instant since(AtRiskReason reason, Instant now) {
        Instant since = threshold(reason);
        return since.isBefore(now) ? since : null;
    }

    /** The instant from which {@code reason} holds. */
    public Instant threshold(AtRiskReason reason) {
        return reason == AtRiskReason.WINDOW_PASSED ? windowEndsAt : longOverdueAt;
    }
}
