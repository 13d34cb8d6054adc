package com.dealerradar.gateway.ratelimit;

import io.github.bucket4j.Bandwidth;
import java.time.Duration;

/** A token bucket's shape: {@code tokens} come back every {@code period}, up to {@code burst}. */
interface TokenRate {

    long tokens();

    Duration period();

    long burst();

    /** Starts full, and refills gradually rather than all at once at the end of each period. */
    default Bandwidth bandwidth() {
        return Bandwidth.builder().capacity(burst()).refillGreedy(tokens(), period()).build();
    }

    /** The shape in a few characters, e.g. {@code 20000+2000/PT1S}. */
    default String shape() {
        return burst() + "+" + tokens() + "/" + period();
    }

    /** How long an empty bucket takes to fill up again: after that, a bucket left alone holds nothing to remember. */
    default Duration refillTime() {
        return period().multipliedBy((burst() + tokens() - 1) / tokens());
    }

    static void check(String name, long tokens, Duration period, long burst) {
        if (tokens < 1 || burst < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("radar.gateway.rate-limit." + name
                    + ".tokens, .period and .burst must be positive");
        }
    }
}
