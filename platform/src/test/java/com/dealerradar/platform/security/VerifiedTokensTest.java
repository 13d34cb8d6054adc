package com.dealerradar.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedTokensTest {

    private static final Instant ISSUED = Instant.parse("2026-12-01T08:00:00Z");

    private final CountingVerifier verifier = new CountingVerifier();
    private Instant now = ISSUED.plusSeconds(5);
    private final VerifiedTokens tokens = new VerifiedTokens(verifier, () -> now);

    @Test
    void aTokenSeenAgainIsNotVerifiedAgain() {
        Jwt first = tokens.decode("token-a").block();
        Jwt again = tokens.decode("token-a").block();

        assertThat(again).isSameAs(first);
        assertThat(verifier.calls).hasValue(1);
    }

    @Test
    void eachDifferentTokenIsVerified() {
        tokens.decode("token-a").block();
        tokens.decode("token-b").block();

        assertThat(verifier.calls).hasValue(2);
    }

    @Test
    void aRememberedTokenPastItsExpiryGoesBackToTheVerifier() {
        tokens.decode("token-a").block();
        now = ISSUED.plus(InternalToken.LIFETIME);

        tokens.decode("token-a").block();

        assertThat(verifier.calls).hasValue(2);
    }

    @Test
    void aRefusedTokenIsNotRememberedAndIsRefusedEachTime() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
        }
        assertThat(verifier.calls).hasValue(2);
    }

    /** Accepts every token but "forged", each expiring a lifetime after {@link #ISSUED}, and counts its calls. */
    private static final class CountingVerifier implements ReactiveJwtDecoder {

        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Mono<Jwt> decode(String token) {
            calls.incrementAndGet();
            if (token.equals("forged")) {
                return Mono.error(new BadJwtException("signature does not match"));
            }
            return Mono.just(Jwt.withTokenValue(token).header("alg", "HS256").subject("key-7")
                    .issuedAt(ISSUED).expiresAt(ISSUED.plus(InternalToken.LIFETIME)).build());
        }
    }
}
