package com.dealerradar.gateway.auth;

import com.dealerradar.gateway.key.ApiKey;
import com.dealerradar.gateway.key.RevocationEpoch;
import com.dealerradar.platform.security.Caller;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Key lookups by hash, cached so that a request costs no store read. Bounded in size (Caffeine's
 * admission policy also keeps a flood of one-off keys from pushing out the keys in daily use).
 * <ul>
 *   <li>A valid key is believed only while the {@link RevocationEpoch} is trusted and has not moved
 *       since the lookup began; otherwise it is looked up again. So a revocation anywhere reaches
 *       every instance within a second, and if the epoch cannot be read, every request goes to the
 *       store.</li>
 *   <li>An unknown or revoked key is remembered as such for a short while, whatever the epoch: a
 *       revocation cannot make it valid, and a key cannot be presented before it is issued (its
 *       secret is 256 random bits shown only once).</li>
 * </ul>
 * Concurrent requests with one key share one store read. A failed read is not cached.
 */
public final class ApiKeyLookupCache {

    private final Function<String, Mono<ApiKey>> store;
    private final RevocationEpoch epoch;
    private final AsyncCache<String, Lookup> cache;

    /** What one store read found, tagged with the epoch known before it began. */
    private record Lookup(Caller caller, long epoch) {

        boolean known() {
            return caller != null;
        }
    }

    public ApiKeyLookupCache(Function<String, Mono<ApiKey>> store, RevocationEpoch epoch,
                             KeyCacheProperties properties, Ticker ticker) {
        this.store = store;
        this.epoch = epoch;
        this.cache = Caffeine.newBuilder()
                .maximumSize(properties.maximumKeys())
                .expireAfter(Expiry.<String, Lookup>writing((hash, lookup) ->
                        lookup.known() ? properties.knownKeyTtl() : properties.unknownKeyTtl()))
                // Upkeep is a few map operations: done by the caller, never handed to a pool.
                .executor(Runnable::run)
                .ticker(ticker)
                .buildAsync();
    }

    /** The caller a key hash stands for, or empty if the key is unknown or revoked. */
    public Mono<Caller> find(String keyHash) {
        CompletableFuture<Lookup> cached = cache.get(keyHash, (hash, executor) -> load(hash));
        return Mono.fromFuture(cached, true)
                .flatMap(lookup -> believable(lookup) ? Mono.just(lookup) : reload(keyHash, cached))
                .mapNotNull(Lookup::caller);
    }

    /** How many keys are cached now (after pending upkeep). */
    long size() {
        cache.synchronous().cleanUp();
        return cache.synchronous().estimatedSize();
    }

    private boolean believable(Lookup lookup) {
        if (!lookup.known()) {
            return true;
        }
        OptionalLong trusted = epoch.trusted();
        return trusted.isPresent() && lookup.epoch() >= trusted.getAsLong();
    }

    /** Replaces a stale entry unless another request already has; either way answers the newer read. */
    private Mono<Lookup> reload(String keyHash, CompletableFuture<Lookup> stale) {
        CompletableFuture<Lookup> fresh = cache.asMap().computeIfPresent(keyHash,
                (hash, current) -> current == stale ? load(hash) : current);
        if (fresh == null || fresh == stale) {
            return Mono.fromFuture(load(keyHash), true);
        }
        return Mono.fromFuture(fresh, true);
    }

    private CompletableFuture<Lookup> load(String keyHash) {
        long epochBefore = epoch.known();
        return store.apply(keyHash)
                .filter(key -> !key.isRevoked())
                .map(key -> new Lookup(key.toCaller(), epochBefore))
                .defaultIfEmpty(new Lookup(null, epochBefore))
                .toFuture();
    }
}
