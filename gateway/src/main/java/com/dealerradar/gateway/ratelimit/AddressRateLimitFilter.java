package com.dealerradar.gateway.ratelimit;

import com.dealerradar.gateway.auth.ApiKeyAuthenticationFilter;
import com.dealerradar.gateway.key.ApiKeyHash;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Runs before authentication: a request without a key this instance knows to be valid (no key, an
 * unknown, revoked or not yet seen one) takes a token from its client address's bucket first, so that
 * once an address is over its limit its requests are answered 429 without a key-store lookup.
 */
@Component
class AddressRateLimitFilter implements WebFilter, Ordered {

    /** The hash of a key that passed this filter unverified; {@link KeyRateLimitFilter} remembers it once authenticated. */
    static final String UNVERIFIED_KEY_HASH = AddressRateLimitFilter.class.getName() + ".unverifiedKeyHash";

    private final AddressRateLimiter addresses;
    private final KnownValidKeys knownKeys;

    AddressRateLimitFilter(AddressRateLimiter addresses, KnownValidKeys knownKeys) {
        this.addresses = addresses;
        this.knownKeys = knownKeys;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String presented = exchange.getRequest().getHeaders().getFirst(ApiKeyAuthenticationFilter.HEADER);
        String keyHash = presented == null || presented.isBlank() ? null : ApiKeyHash.of(presented.strip());
        if (keyHash != null && knownKeys.contains(keyHash)) {
            return chain.filter(exchange).doFinally(signal -> {
                if (HttpStatus.UNAUTHORIZED.equals(exchange.getResponse().getStatusCode())) {
                    knownKeys.forget(keyHash);
                }
            });
        }
        Verdict verdict = addresses.take(exchange.getRequest().getRemoteAddress());
        if (!verdict.allowed()) {
            return TooManyRequests.answer(exchange, verdict, "this address, without a valid API key,");
        }
        if (keyHash != null) {
            exchange.getAttributes().put(UNVERIFIED_KEY_HASH, keyHash);
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ApiKeyAuthenticationFilter.ORDER - 1;
    }
}
