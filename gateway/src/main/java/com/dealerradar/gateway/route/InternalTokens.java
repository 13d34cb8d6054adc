package com.dealerradar.gateway.route;

import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.InternalToken;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;

/**
 * The internal token for a caller at one service, signed once and reused for {@code reuse} of its
 * {@link InternalToken#LIFETIME}, so that a busy key costs one signature per {@code reuse} rather than
 * one per request. At most half the lifetime may be spent reusing, so that a token always reaches the
 * service with at least 30 s to live, beyond any response timeout. Reuse does not outlive a
 * revocation: a revoked key is refused before any token is looked up.
 */
final class InternalTokens {

    static final long MAXIMUM_CALLERS = 10_000;

    private final InternalToken signer;
    private final Clock clock;
    private final Cache<Recipient, String> tokens;

    InternalTokens(InternalToken signer, Duration reuse, Clock clock, Ticker ticker) {
        if (reuse.isNegative() || reuse.compareTo(InternalToken.LIFETIME.dividedBy(2)) > 0) {
            throw new IllegalArgumentException("radar.gateway.internal-token-reuse must lie between 0 and "
                    + InternalToken.LIFETIME.dividedBy(2).toSeconds() + " s; it is " + reuse);
        }
        this.signer = signer;
        this.clock = clock;
        this.tokens = Caffeine.newBuilder()
                .maximumSize(MAXIMUM_CALLERS)
                .expireAfterWrite(reuse)
                .executor(Runnable::run)
                .ticker(ticker)
                .build();
    }

    /** @param audience the service the token goes to */
    String forCaller(Caller caller, String audience) {
        return tokens.get(new Recipient(caller, audience),
                recipient -> signer.sign(recipient.caller(), recipient.audience(), clock.instant()));
    }

    private record Recipient(Caller caller, String audience) {}
}
