package com.dealerradar.gateway.ratelimit;

import java.time.Duration;

/**
 * A classic token bucket: it holds up to {@code capacity} tokens, refills at {@code perSecond}, and
 * every request takes one. Time is passed in (nanoseconds) so that the arithmetic can be tested.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long lastRefill;

    TokenBucket(int perSecond, int capacity, long now) {
        this.capacity = capacity;
        this.perNano = perSecond / NANOS_PER_SECOND;
        this.tokens = capacity;
        this.lastRefill = now;
    }

    /** Takes a token and answers zero, or answers how long until a token will be there. */
    synchronized Duration tryTake(long now) {
        tokens = Math.min(capacity, tokens + (now - lastRefill) * perNano);
        lastRefill = now;
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
    }
}
