package com.dealerradar.gateway.auth;

import com.dealerradar.platform.web.ProblemResponses;
import com.dealerradar.gateway.dashboard.DashboardPaths;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Requires a valid {@code X-Api-Key} on every request, routed or served here, and records the caller
 * for what follows. Only the health probes, the dashboard's static files, Swagger UI and the services'
 * OpenAPI descriptions are open: they hold no data, and the pages then send the key themselves. The
 * rest of the actuator (metrics, info) needs a key like the API. Open paths are matched on the decoded path, as routes are, and everything else is
 * closed, so that no spelling of a path ({@code /%61pi/leads}) can reach a service without a key.
 */
@Component
public class ApiKeyAuthenticationFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Api-Key";
    public static final int ORDER = 0;
    private static final List<PathPattern> OPEN = Stream.concat(Stream.of("/actuator/health", "/actuator/health/**"),
                    DashboardPaths.OPEN.stream())
            .map(PathPatternParser.defaultInstance::parse)
            .toList();

    private final ApiKeyAuthenticator authenticator;

    public ApiKeyAuthenticationFilter(ApiKeyAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        if (OPEN.stream().anyMatch(open -> open.matches(path))) {
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
