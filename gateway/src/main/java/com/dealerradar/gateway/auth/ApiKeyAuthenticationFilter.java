package com.dealerradar.gateway.auth;

import com.dealerradar.platform.web.ProblemResponses;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Requires a valid {@code X-Api-Key} on every request, routed or served here, and records the caller
 * for what follows. Only the actuator (probes, scraping) is open. The open path is matched on the
 * decoded path, as routes are, and everything else is closed, so that no spelling of a path
 * ({@code /%61pi/leads}) can reach a service without a key.
 */
@Component
public class ApiKeyAuthenticationFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Api-Key";
    public static final int ORDER = 0;
    private static final PathPattern OPEN = PathPatternParser.defaultInstance.parse("/actuator/**");

    private final ApiKeyAuthenticator authenticator;

    public ApiKeyAuthenticationFilter(ApiKeyAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (OPEN.matches(exchange.getRequest().getPath().pathWithinApplication())) {
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
