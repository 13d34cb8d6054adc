package com.dealerradar.testkit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * HTTP clients for a service under test, all sharing one connector per server. Building a new
 * client per request now and then left a request hanging until its timeout; derived clients do not.
 */
public final class ServiceClients {

    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    private static final Map<Integer, WebTestClient> BY_PORT = new ConcurrentHashMap<>();

    private ServiceClients() {}

    /** A client of the service on 127.0.0.1:{@code port} that presents {@code bearerToken}. */
    public static WebTestClient withToken(int port, String bearerToken) {
        return onPort(port).mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken).build();
    }

    public static WebTestClient onPort(int port) {
        return BY_PORT.computeIfAbsent(port, p -> WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + p).responseTimeout(RESPONSE_TIMEOUT).build());
    }
}
