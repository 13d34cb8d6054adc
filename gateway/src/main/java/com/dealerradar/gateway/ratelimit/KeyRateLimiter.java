package com.dealerradar.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One bucket per API key, kept in the store and shared by every gateway instance. Each instance holds
 * a proxy per key that takes tokens from a local copy and settles with the store every
 * {@code sync.tokens} tokens or {@code sync.interval} (Bucket4j's delaying optimization, which also
 * merges concurrent settlements into one): a key's steady traffic costs the store a round trip per
 * many requests instead of two per request, and an over-limit flood is refused locally.
 * <p>
 * If the store cannot be reached in time, the request goes on: the key was authenticated, and a
 * limit that cannot be counted should not take the API down with it.
 */
final class KeyRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(KeyRateLimiter.class);
    private static final Duration TAKE_TIMEOUT = Duration.ofSeconds(2);

    private final RateLimitProperties.Key limit;
    private final BucketConfiguration configuration;
    private final LoadingCache<String, AsyncBucketProxy> buckets;
    private volatile boolean failing;

    KeyRateLimiter(AsyncProxyManager<String> store, RateLimitProperties properties, long maximumKeys) {
        this.limit = properties.key();
        this.configuration = BucketConfiguration.builder().addLimit(limit.bandwidth()).build();
        DelayParameters sync = new DelayParameters(properties.sync().tokens(), properties.sync().interval());
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maximumKeys)
                // A proxy left alone longer than a full refill holds nothing worth keeping: its unsettled
                // tokens are at most sync.tokens, and the store has the rest.
                .expireAfterAccess(limit.refillTime().plus(properties.sync().interval()))
                .executor(Runnable::run)
                .build(keyId -> store.builder()
                        .withOptimization(Optimizations.delaying(sync))
                        .build(bucketId(keyId), configuration));
    }

    /** Takes {@code tokens} from the key's bucket, or says how long until they are there. */
    Mono<Verdict> take(String keyId, long tokens) {
        return Mono.fromFuture(() -> buckets.get(keyId).tryConsumeAndReturnRemaining(tokens), true)
                // Each store call has its own timeout, but a take may wait on a settlement that another
                // request started: the whole take is bounded too, so a request never waits on the limit.
                .timeout(TAKE_TIMEOUT)
                .map(KeyRateLimiter::verdict)
                .doOnNext(verdict -> recovered())
                .onErrorResume(error -> {
                    reportOnce(error);
                    return Mono.just(Verdict.ALLOWED);
                });
    }

    /**
     * The key and the limit's shape: a changed limit starts new buckets rather than living on in the
     * stored ones, and instances configured differently (during a rolling change) do not fight over one.
     */
    private String bucketId(String keyId) {
        return keyId + " " + limit.shape();
    }

    private static Verdict verdict(ConsumptionProbe probe) {
        return probe.isConsumed() ? Verdict.ALLOWED : Verdict.refused(probe.getNanosToWaitForRefill());
    }

    private void recovered() {
        if (failing) {
            failing = false;
            log.info("rate limits are counted in the store again");
        }
    }

    private void reportOnce(Throwable error) {
        if (!failing) {
            failing = true;
            log.warn("cannot count rate limits in the store; keys are not limited until it answers: {}", error.toString());
        }
    }
}
