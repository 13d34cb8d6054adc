package com.dealerradar.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.InternalToken;
import com.dealerradar.platform.security.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InternalTokensTest {

    private static final InternalToken SIGNER = new InternalToken("test-internal-token-secret-of-32-bytes-or-more");
    private static final Caller DEALER = new Caller("key-1", Role.DEALER, "D-1", "R");

    private final AtomicLong nanos = new AtomicLong();
    private final InternalTokens tokens = new InternalTokens(SIGNER, Duration.ofSeconds(30),
            Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC), nanos::get);

    @Test
    void aCallerGetsTheSameTokenWithinTheReusePeriod() {
        String first = tokens.forCaller(DEALER, "lead-service");
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());

        assertThat(tokens.forCaller(DEALER, "lead-service")).isEqualTo(first);
    }

    @Test
    void aNewTokenIsSignedOnceTheReusePeriodIsOver() {
        String first = tokens.forCaller(DEALER, "lead-service");
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());

        assertThat(tokens.forCaller(DEALER, "lead-service")).isNotEqualTo(first);
    }

    @Test
    void eachCallerHasItsOwnToken() {
        assertThat(tokens.forCaller(DEALER, "lead-service"))
                .isNotEqualTo(tokens.forCaller(new Caller("key-2", Role.HQ, null, null), "lead-service"));
    }

    @Test
    void eachServiceHasItsOwnToken() {
        assertThat(tokens.forCaller(DEALER, "lead-service")).isNotEqualTo(tokens.forCaller(DEALER, "defeat-service"));
    }

    @Test
    void reuseMayNotSpendMoreThanHalfTheTokensLife() {
        assertThatThrownBy(() -> new InternalTokens(SIGNER, InternalToken.LIFETIME.dividedBy(2).plusSeconds(1),
                Clock.systemUTC(), nanos::get))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
