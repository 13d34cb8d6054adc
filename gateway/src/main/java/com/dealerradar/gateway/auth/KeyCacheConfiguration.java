package com.dealerradar.gateway.auth;

import com.dealerradar.gateway.key.ApiKeyStore;
import com.dealerradar.gateway.key.RevocationEpoch;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The key cache and the revocation epoch it trusts, on the system's monotonic clock. */
@Configuration(proxyBeanMethods = false)
class KeyCacheConfiguration {

    @Bean
    RevocationEpoch revocationEpoch(KeyCacheProperties properties) {
        return new RevocationEpoch(properties.revocationTrust(), System::nanoTime);
    }

    @Bean
    ApiKeyLookupCache apiKeyLookupCache(ApiKeyStore store, RevocationEpoch epoch, KeyCacheProperties properties) {
        return new ApiKeyLookupCache(store::findByHash, epoch, properties, Ticker.systemTicker());
    }
}
