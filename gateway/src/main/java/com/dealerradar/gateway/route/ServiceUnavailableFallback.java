package com.dealerradar.gateway.route;

import com.dealerradar.platform.web.Causes;
import com.dealerradar.platform.web.Problems;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Where a route's circuit breaker forwards when its service cannot be reached, fails (5xx), times out or
 * is switched off by the breaker. Nothing is retried: the client decides, helped by idempotent writes.
 * A write whose answer never came (a time-out, or the connection dropped after the request went out)
 * may have been stored: that is a 504 telling the client to send it again with the same
 * {@code externalRef}, which is safe. Anything else is a 503: nothing was stored, try again shortly.
 */
@RestController
class ServiceUnavailableFallback {

    private static final Logger log = LoggerFactory.getLogger(ServiceUnavailableFallback.class);
    private static final String RETRY_AFTER_SECONDS = "5";
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @RequestMapping("/gateway/fallback/{service}")
    ResponseEntity<ProblemDetail> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        log.debug("{} {} answered for the {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                service, failure == null ? "circuit open" : failure.toString());
        boolean unanswered = isUnanswered(failure);
        if (unanswered && !READS.contains(exchange.getRequest().getMethod())) {
            return problem(HttpStatus.GATEWAY_TIMEOUT, "ambiguous-write", "Gateway Timeout", "the " + service
                    + " did not answer in time, so this write may or may not have been stored; send it again with"
                    + " the same externalRef (or the same body): a repeated write is recognised and stored once");
        }
        if (unanswered) {
            return problem(HttpStatus.GATEWAY_TIMEOUT, "service-timeout", "Gateway Timeout",
                    "the " + service + " did not answer in time; try again shortly");
        }
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service Unavailable",
                "the " + service + " is not available right now; try again shortly");
    }

    /** The route's response timeout, the circuit breaker's time limit, or the connection dropped after sending. */
    private static boolean isUnanswered(Throwable failure) {
        return Causes.any(failure, cause -> cause instanceof org.springframework.cloud.gateway.support.TimeoutException
                || cause instanceof TimeoutException || cause instanceof PrematureCloseException);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(Problems.of(status, type, title, detail));
    }
}
