package com.dealerradar.gateway.ratelimit;

import com.dealerradar.gateway.auth.ApiKeyAuthenticationFilter;
import com.dealerradar.gateway.auth.Callers;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.web.ProblemResponses;
import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Answers 429 with {@code Retry-After} once a key exceeds its rate; runs right after authentication. */
@Component
public class RateLimitFilter implements WebFilter, Ordered {

    private final ApiKeyRateLimiter limiter;

    public RateLimitFilter(ApiKeyRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Caller caller = Callers.of(exchange);
        if (caller == null) {
            return chain.filter(exchange);
        }
        Duration wait = limiter.acquire(caller.keyId());
        if (wait.isZero()) {
            return chain.filter(exchange);
        }
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return ProblemResponses.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                "this API key is sending requests too fast; retry after " + seconds + " s");
    }

    @Override
    public int getOrder() {
        return ApiKeyAuthenticationFilter.ORDER + 1;
    }
}
