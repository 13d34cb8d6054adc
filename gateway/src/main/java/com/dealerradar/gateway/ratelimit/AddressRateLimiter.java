package com.dealerradar.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.net.InetSocketAddress;

/**
 * One bucket per client address, in this instance's memory. Kept locally on purpose: these buckets
 * guard the key store against requests that carry no valid key, so counting them in that store would
 * cost it the very round trip they are meant to spare. With N instances an address may thus go N
 * times as fast.
 * <p>
 * Bounded: past {@code maximumAddresses} the least useful buckets are dropped, and a bucket left
 * alone long enough to fill up again is dropped too, since it then holds nothing to remember.
 */
final class AddressRateLimiter {

    private final RateLimitProperties.Address limit;
    private final Cache<String, Bucket> buckets;

    AddressRateLimiter(RateLimitProperties.Address limit, long maximumAddresses) {
        this.limit = limit;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maximumAddresses)
                .expireAfterAccess(limit.refillTime())
                .executor(Runnable::run)
                .build();
    }

    Verdict take(InetSocketAddress remote) {
        Bucket bucket = buckets.get(ClientAddress.of(remote), address -> Bucket.builder().addLimit(limit.bandwidth()).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Verdict.ALLOWED : Verdict.refused(probe.getNanosToWaitForRefill());
    }
}
