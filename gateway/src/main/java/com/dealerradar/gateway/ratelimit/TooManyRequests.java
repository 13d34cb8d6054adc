package com.dealerradar.gateway.ratelimit;

import com.dealerradar.platform.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The answer to a caller over its limit: 429, problem+json, and {@code Retry-After} in seconds. */
final class TooManyRequests {

    private TooManyRequests() {}

    static Mono<Void> answer(ServerWebExchange exchange, Verdict verdict, String who) {
        long seconds = verdict.retryAfterSeconds();
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return ProblemResponses.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                who + " is sending requests too fast; retry after " + seconds + " s");
    }
}
