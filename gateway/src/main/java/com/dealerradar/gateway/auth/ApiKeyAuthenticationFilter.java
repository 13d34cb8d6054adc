package com.dealerradar.gateway.auth;

import com.dealerradar.platform.web.ProblemResponses;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Requires a valid {@code X-Api-Key} on every {@code /api/**} request, routed or served here, and
 * records the caller for what follows. Anything else (actuator probes) passes untouched.
 */
@Component
public class ApiKeyAuthenticationFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Api-Key";
    public static final int ORDER = 0;
    private static final String API_PREFIX = "/api/";

    private final ApiKeyAuthenticator authenticator;

    public ApiKeyAuthenticationFilter(ApiKeyAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith(API_PREFIX) && !path.equals("/api")) {
            return chain.filter(exchange);
        }
        String presented = exchange.getRequest().getHeaders().getFirst(HEADER);
        if (presented == null || presented.isBlank()) {
            return unauthorized(exchange, "the X-Api-Key header is required");
        }
        return authenticator.authenticate(presented.strip())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(caller -> caller
                        .map(known -> {
                            exchange.getAttributes().put(Callers.ATTRIBUTE, known);
                            return chain.filter(exchange);
                        })
                        .orElseGet(() -> unauthorized(exchange, "the API key is unknown or revoked")));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private static Mono<Void> unauthorized(ServerWebExchange exchange, String detail) {
        exchange.getResponse().getHeaders().set("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"");
        return ProblemResponses.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, "unauthorized", detail);
    }
}
