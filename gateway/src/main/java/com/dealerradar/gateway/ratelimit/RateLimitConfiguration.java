package com.dealerradar.gateway.ratelimit;

import com.dealerradar.gateway.auth.KeyCacheProperties;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** The limiters behind the two rate-limit filters; bounded like the key cache. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    /**
     * How long one settlement with the store may take before the request goes on uncounted: longer
     * than a healthy store ever needs, short enough that a stuck one does not hold requests.
     */
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(1);

    /** About 20 MB at most; a flood from more addresses than this would defeat per-address limits anyway. */
    private static final long MAXIMUM_ADDRESSES = 50_000;

    @Bean
    MongoBucketStore mongoBucketStore(ReactiveMongoTemplate mongo) {
        return new MongoBucketStore(mongo, ClientSideConfig.getDefault().withRequestTimeout(STORE_TIMEOUT));
    }

    @Bean
    KeyRateLimiter keyRateLimiter(MongoBucketStore store, RateLimitProperties properties, KeyCacheProperties keyCache) {
        return new KeyRateLimiter(store.asAsync(), properties, keyCache.maximumKeys());
    }

    @Bean
    AddressRateLimiter addressRateLimiter(RateLimitProperties properties) {
        return new AddressRateLimiter(properties.address(), MAXIMUM_ADDRESSES);
    }

    @Bean
    KnownValidKeys knownValidKeys(KeyCacheProperties keyCache) {
        return new KnownValidKeys(keyCache.maximumKeys(), keyCache.knownKeyTtl());
    }

    @Bean
    RequestWeights requestWeights(RateLimitProperties properties) {
        return new RequestWeights(properties.weights());
    }
}
