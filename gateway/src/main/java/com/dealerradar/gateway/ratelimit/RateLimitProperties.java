package com.dealerradar.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code radar.gateway.rate-limit.*}: how fast one API key may call. The defaults are generous, so
 * that a dealer system pushing batches is never throttled, yet a runaway client cannot flood the
 * services.
 *
 * @param requestsPerSecond sustained rate per key
 * @param burst             requests a key may make at once after being idle
 */
@ConfigurationProperties("radar.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("2000") int requestsPerSecond, @DefaultValue("4000") int burst) {

    public RateLimitProperties {
        if (requestsPerSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("radar.gateway.rate-limit.requests-per-second and burst must be at least 1");
        }
    }
}
