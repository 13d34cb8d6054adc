package com.dealerradar.gateway.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code radar.gateway.rate-limit.*}: how fast callers may go. The defaults are generous, so that a
 * dealer system pushing batches (or the end-to-end suite fuzzing one endpoint with 1,500 requests) is
 * never throttled, yet a runaway client cannot flood the services or the key store.
 *
 * @param key     per API key, shared by every gateway instance
 * @param address per client address, for requests without a key this instance knows to be valid;
 *                kept by each instance on its own
 * @param weights how many tokens the heavier requests take (everything else takes one)
 * @param sync    how often an instance settles a key's tokens with the store
 */
@ConfigurationProperties("radar.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue Key key, @DefaultValue Address address,
                                  @DefaultValue Weights weights, @DefaultValue Sync sync) {

    public RateLimitProperties {
        long heaviest = Math.max(weights.batch(), weights.analytics());
        if (heaviest > key.burst()) {
            throw new IllegalArgumentException("radar.gateway.rate-limit.key.burst (" + key.burst()
                    + ") must hold the heaviest request (" + heaviest + " tokens), or it could never pass");
        }
    }

    /** {@code tokens} come back every {@code period}; a key holds at most {@code burst}. */
    public record Key(@DefaultValue("2000") long tokens, @DefaultValue("1s") Duration period,
                      @DefaultValue("20000") long burst) implements TokenRate {

        public Key {
            TokenRate.check("key", tokens, period, burst);
        }
    }

    /** {@code tokens} come back every {@code period}; an address holds at most {@code burst}. */
    public record Address(@DefaultValue("50") long tokens, @DefaultValue("1s") Duration period,
                          @DefaultValue("500") long burst) implements TokenRate {

        public Address {
            TokenRate.check("address", tokens, period, burst);
        }
    }

    /**
     * @param batch     {@code POST /api/leads/batch} (up to 1,000 leads) and {@code POST /api/analytics/rebuild}
     * @param analytics every read under {@code /api/analytics}: aggregations over the read model
     */
    public record Weights(@DefaultValue("10") long batch, @DefaultValue("3") long analytics) {

        public Weights {
            if (batch < 1 || analytics < 1) {
                throw new IllegalArgumentException("radar.gateway.rate-limit.weights.* must be at least 1");
            }
        }
    }

    /**
     * An instance takes a key's tokens from its own copy of the bucket and settles with the store once
     * it has taken {@code tokens} of them or {@code interval} has passed, whichever comes first. So each
     * instance may let a key go up to {@code tokens} beyond the shared count, and a key costs the store
     * at most one round trip per {@code tokens} requests, or per {@code interval}.
     */
    public record Sync(@DefaultValue("50") long tokens, @DefaultValue("100ms") Duration interval) {

        public Sync {
            if (tokens < 1 || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("radar.gateway.rate-limit.sync.tokens and interval must be positive");
            }
        }
    }
}
