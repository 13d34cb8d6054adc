package com.dealerradar.gateway.ratelimit;

import com.dealerradar.gateway.auth.ApiKeyAuthenticationFilter;
import com.dealerradar.gateway.auth.Callers;
import com.dealerradar.platform.security.Caller;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Runs right after authentication: takes the request's weight from its key's shared bucket, and
 * answers 429 with {@code Retry-After} once the key is over its limit.
 */
@Component
class KeyRateLimitFilter implements WebFilter, Ordered {

    private final KeyRateLimiter keys;
    private final RequestWeights weights;
    private final KnownValidKeys knownKeys;

    KeyRateLimitFilter(KeyRateLimiter keys, RequestWeights weights, KnownValidKeys knownKeys) {
        this.keys = keys;
        this.weights = weights;
        this.knownKeys = knownKeys;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Caller caller = Callers.of(exchange);
        if (caller == null) {
            return chain.filter(exchange);
        }
        String verifiedHash = exchange.getAttribute(AddressRateLimitFilter.UNVERIFIED_KEY_HASH);
        if (verifiedHash != null) {
            knownKeys.remember(verifiedHash);
        }
        ServerHttpRequest request = exchange.getRequest();
        long tokens = weights.of(request.getMethod(), request.getPath().pathWithinApplication());
        return keys.take(caller.keyId(), tokens).flatMap(verdict -> verdict.allowed()
                ? chain.filter(exchange)
                : TooManyRequests.answer(exchange, verdict, "this API key"));
    }

    @Override
    public int getOrder() {
        return ApiKeyAuthenticationFilter.ORDER + 1;
    }
}
