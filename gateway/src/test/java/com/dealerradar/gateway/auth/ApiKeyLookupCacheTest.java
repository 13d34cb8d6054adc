package com.dealerradar.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.gateway.key.ApiKey;
import com.dealerradar.gateway.key.RevocationEpoch;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.Role;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class ApiKeyLookupCacheTest {

    private static final Duration TRUST = Duration.ofMillis(700);
    private static final KeyCacheProperties PROPERTIES =
            new KeyCacheProperties(Duration.ofMillis(200), TRUST, Duration.ofMinutes(10), Duration.ofSeconds(5), 100);
    private static final ApiKey DEALER_KEY = new ApiKey("key-1", Role.DEALER, "D-1", "R", "crm",
            Instant.parse("2026-11-01T00:00:00Z"), null);

    /** One clock drives both the cache's expiry and the epoch's trust window. */
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Ticker ticker = nanos::get;
    private final Map<String, ApiKey> stored = new ConcurrentHashMap<>();
    private final AtomicInteger storeReads = new AtomicInteger();
    private final RevocationEpoch epoch = new RevocationEpoch(TRUST, nanos::get);
    private final ApiKeyLookupCache cache = new ApiKeyLookupCache(hash -> {
        storeReads.incrementAndGet();
        return Mono.justOrEmpty(stored.get(hash));
    }, epoch, PROPERTIES, ticker);

    @BeforeEach
    void aFreshEpochRead() {
        stored.put("hash-1", DEALER_KEY);
        epoch.observed(0, nanos.get());
    }

    @Test
    void aValidKeyIsReadOnceWhileTheEpochIsFreshAndUnchanged() {
        for (int i = 0; i < 5; i++) {
            assertThat(cache.find("hash-1").block()).isEqualTo(DEALER_KEY.toCaller());
        }

        assertThat(storeReads).hasValue(1);
    }

    @Test
    void aNewEpochSendsEveryCachedKeyBackToTheStoreWhereTheRevocationIsFound() {
        cache.find("hash-1").block();
        stored.put("hash-1", revoked(DEALER_KEY));
        epoch.observed(1, nanos.get());

        assertThat(cache.find("hash-1").blockOptional()).isEmpty();
        assertThat(cache.find("hash-1").blockOptional()).isEmpty();
        assertThat(storeReads).hasValue(2);
    }

    @Test
    void withoutARecentEpochReadEveryValidKeyIsCheckedInTheStore() {
        cache.find("hash-1").block();
        nanos.addAndGet(TRUST.toNanos() + 1);

        Caller first = cache.find("hash-1").block();
        Caller second = cache.find("hash-1").block();

        assertThat(first).isEqualTo(DEALER_KEY.toCaller());
        assertThat(second).isEqualTo(DEALER_KEY.toCaller());
        assertThat(storeReads).hasValue(3);
    }

    @Test
    void aKeyRevokedWhileTheEpochCannotBeReadIsRefusedAtOnce() {
        cache.find("hash-1").block();
        nanos.addAndGet(TRUST.toNanos() + 1);
        stored.put("hash-1", revoked(DEALER_KEY));

        assertThat(cache.find("hash-1").blockOptional()).isEmpty();
    }

    @Test
    void anUnknownKeyIsReadOnceForItsShortLifeEvenWithoutAnEpochRead() {
        nanos.addAndGet(TRUST.toNanos() + 1);
        for (int i = 0; i < 5; i++) {
            assertThat(cache.find("no-such-hash").blockOptional()).isEmpty();
        }
        assertThat(storeReads).hasValue(1);

        nanos.addAndGet(Duration.ofSeconds(5).toNanos() + 1);
        cache.find("no-such-hash").block();

        assertThat(storeReads).hasValue(2);
    }

    @Test
    void aFailedReadIsNotCached() {
        ApiKeyLookupCache failingOnce = new ApiKeyLookupCache(hash -> storeReads.incrementAndGet() == 1
                ? Mono.error(new IllegalStateException("store down"))
                : Mono.justOrEmpty(stored.get(hash)), epoch, PROPERTIES, ticker);

        assertThat(failingOnce.find("hash-1").onErrorResume(e -> Mono.empty()).blockOptional()).isEmpty();
        assertThat(failingOnce.find("hash-1").block()).isEqualTo(DEALER_KEY.toCaller());
    }

    @Test
    void theCacheHoldsNoMoreThanItsMaximum() {
        KeyCacheProperties small = new KeyCacheProperties(Duration.ofMillis(200), TRUST, Duration.ofMinutes(10),
                Duration.ofSeconds(5), 10);
        ApiKeyLookupCache bounded = new ApiKeyLookupCache(hash -> {
            storeReads.incrementAndGet();
            return Mono.empty();
        }, epoch, small, ticker);

        for (int i = 0; i < 1_000; i++) {
            bounded.find("bad-" + i).block();
        }

        assertThat(bounded.size()).isLessThanOrEqualTo(10);
    }

    private static ApiKey revoked(ApiKey key) {
        return new ApiKey(key.keyId(), key.role(), key.dealerId(), key.region(), key.label(), key.createdAt(),
                Instant.parse("2026-11-02T00:00:00Z"));
    }
}
