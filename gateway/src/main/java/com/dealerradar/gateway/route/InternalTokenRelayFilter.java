package com.dealerradar.gateway.route;

import com.dealerradar.gateway.auth.ApiKeyAuthenticationFilter;
import com.dealerradar.gateway.auth.Callers;
import com.dealerradar.platform.security.Caller;
import java.util.List;
import java.util.Locale;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Services believe only the gateway about who is calling. So every routed request loses whatever
 * identity the client claimed (its own {@code Authorization}, any {@code X-Radar-*} header) and the
 * API key itself, which the services have no use for, and gains the caller's internal token for the
 * service its route goes to (the route's {@value #AUDIENCE} metadata). A route without an audience
 * gets no token: only open paths, such as the OpenAPI descriptions, are routed that way.
 */
@Component
class InternalTokenRelayFilter implements GlobalFilter, Ordered {

    static final String AUDIENCE = "audience";
    private static final String RADAR_HEADER_PREFIX = "x-radar-";

    private final InternalTokens internalTokens;

    InternalTokenRelayFilter(InternalTokens internalTokens) {
        this.internalTokens = internalTokens;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Caller caller = Callers.of(exchange);
        String audience = audienceOf(exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR));
        String token = caller == null || audience == null ? null : internalTokens.forCaller(caller, audience);
        ServerWebExchange relayed = exchange.mutate()
                .request(request -> request.headers(headers -> {
                    removeClientIdentity(headers);
                    if (token != null) {
                        headers.setBearerAuth(token);
                    }
                }))
                .build();
        return chain.filter(relayed);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private static String audienceOf(Route route) {
        return route == null ? null : (String) route.getMetadata().get(AUDIENCE);
    }

    private static void removeClientIdentity(HttpHeaders headers) {
        List<String> claimed = headers.headerNames().stream()
                .filter(name -> name.toLowerCase(Locale.ROOT).startsWith(RADAR_HEADER_PREFIX))
                .toList();
        claimed.forEach(headers::remove);
        headers.remove(HttpHeaders.AUTHORIZATION);
        headers.remove(ApiKeyAuthenticationFilter.HEADER);
    }
}
