package com.dealerradar.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * Hashes of keys this instance has lately seen authenticated: their requests skip the per-address
 * limit, so that a flood from a shared address (one NAT for a whole dealer group) does not throttle the
 * keys already in use there. A key that fails authentication is forgotten at once.
 */
final class KnownValidKeys {

    private final Cache<String, Boolean> hashes;

    KnownValidKeys(long maximumKeys, Duration remembered) {
        this.hashes = Caffeine.newBuilder()
                .maximumSize(maximumKeys)
                .expireAfterWrite(remembered)
                .executor(Runnable::run)
                .build();
    }

    boolean contains(String keyHash) {
        return hashes.getIfPresent(keyHash) != null;
    }

    void remember(String keyHash) {
        hashes.put(keyHash, Boolean.TRUE);
    }

    void forget(String keyHash) {
        hashes.invalidate(keyHash);
    }
}
