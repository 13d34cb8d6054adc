package com.dealerradar.gateway.auth;

import com.dealerradar.platform.security.Caller;
import org.springframework.web.server.ServerWebExchange;

/** Where the authenticated caller of a request is kept for the filters and handlers after it. */
public final class Callers {

    public static final String ATTRIBUTE = "com.dealerradar.gateway.caller";

    private Callers() {}

    public static Caller of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
