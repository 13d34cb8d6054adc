package com.dealerradar.platform.web;

import com.dealerradar.platform.problem.Violation;
import java.util.List;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The security firewall refuses a path with an encoded slash, a null or a line break before any
 * handler sees it; its own answer is an empty 400. This one is the same 400 as problem+json, naming
 * the path, like every other refusal.
 */
public class RejectedRequests implements ServerExchangeRejectedHandler {

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException e) {
        return ProblemResponses.write(exchange.getResponse(), Problems.validation(List.of(new Violation(
                "path", "must not hold encoded slashes, control characters or other characters a path cannot mean"))));
    }
}
