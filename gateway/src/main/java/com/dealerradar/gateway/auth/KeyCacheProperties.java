package com.dealerradar.gateway.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code radar.gateway.key-cache.*}: how API key lookups are cached.
 *
 * @param revocationPoll  how often each instance reads the revocation epoch
 * @param revocationTrust how recent that read must be for cached keys to be believed; under 1 s, the
 *                        promise for a revoked key, and several polls long, so that one slow read does
 *                        not send every request to the store
 * @param knownKeyTtl     how long a valid key stays cached (its revocation is noticed by the epoch)
 * @param unknownKeyTtl   how long an unknown or revoked key is remembered as such
 * @param maximumKeys     how many keys, valid or not, the cache holds at most
 */
@ConfigurationProperties("radar.gateway.key-cache")
public record KeyCacheProperties(
        @DefaultValue("200ms") Duration revocationPoll,
        @DefaultValue("700ms") Duration revocationTrust,
        @DefaultValue("10m") Duration knownKeyTtl,
        @DefaultValue("5s") Duration unknownKeyTtl,
        @DefaultValue("10000") long maximumKeys) {

    public KeyCacheProperties {
        if (revocationPoll.compareTo(revocationTrust) >= 0) {
            throw new IllegalArgumentException("radar.gateway.key-cache.revocation-poll (" + revocationPoll
                    + ") must be shorter than revocation-trust (" + revocationTrust + ")");
        }
        if (maximumKeys < 1) {
            throw new IllegalArgumentException("radar.gateway.key-cache.maximum-keys must be at least 1");
        }
    }
}
