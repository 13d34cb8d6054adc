package com.dealerradar.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.time.InstantSource;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers the internal tokens this service has verified, until they expire. The gateway reuses one
 * signed token per caller and service for part of its life ({@code radar.gateway.internal-token-reuse}),
 * so a busy caller presents the same string many times; each time after the first costs a lookup instead
 * of an HMAC, a JSON parse and the claim checks. Only a token the verifier accepted is remembered, by its
 * exact text (signature included), and it is used only before its {@code exp}: after that, or when it has
 * been forgotten, the verifier answers again, with the same skew and the same errors as before.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    /** Each entry is a parsed token of a few hundred bytes; a caller needs one at a time (two while the gateway renews). */
    private static final int MAXIMUM_TOKENS = 4_096;

    private final ReactiveJwtDecoder verifier;
    private final InstantSource clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(ReactiveJwtDecoder verifier, InstantSource clock) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAXIMUM_TOKENS)
                .expireAfterWrite(InternalToken.LIFETIME)
                .executor(Runnable::run)
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null && unexpired(known, clock.instant())) {
            return Mono.just(known);
        }
        return verifier.decode(token).doOnNext(jwt -> verified.put(token, jwt));
    }

    private static boolean unexpired(Jwt jwt, Instant now) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && now.isBefore(expiresAt);
    }
}
