package com.dealerradar.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * One bucket per key id, in memory: each gateway instance limits on its own. Buckets exist only for
 * authenticated keys, so their number is bounded by the keys ever issued.
 */
@Component
public class ApiKeyRateLimiter {

    private final RateLimitProperties limits;
    private final LongSupplier nanoClock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    @Autowired
    public ApiKeyRateLimiter(RateLimitProperties limits) {
        this(limits, System::nanoTime);
    }

    ApiKeyRateLimiter(RateLimitProperties limits, LongSupplier nanoClock) {
        this.limits = limits;
        this.nanoClock = nanoClock;
    }

    /** Zero if the key may go on now, else how long it should wait. */
    public Duration acquire(String keyId) {
        long now = nanoClock.getAsLong();
        return buckets
                .computeIfAbsent(keyId, id -> new TokenBucket(limits.requestsPerSecond(), limits.burst(), now))
                .tryTake(now);
    }
}
