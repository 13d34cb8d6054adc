package com.dealerradar.gateway.ratelimit;

import java.time.Duration;

/** Whether a request may go on now, and if not, how long its caller should wait. */
record Verdict(boolean allowed, Duration retryAfter) {

    static final Verdict ALLOWED = new Verdict(true, Duration.ZERO);

    static Verdict refused(long nanosToWait) {
        return new Verdict(false, Duration.ofNanos(nanosToWait));
    }

    /** Whole seconds, rounded up and at least one, as {@code Retry-After} takes them. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toNanos() + 999_999_999L) / 1_000_000_000L);
    }
}
