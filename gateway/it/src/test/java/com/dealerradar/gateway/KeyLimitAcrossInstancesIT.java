package com.dealerradar.gateway;

import static com.dealerradar.gateway.GatewayTestEnvironment.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two gateway instances on one store take a key's tokens from one bucket. Each instance may run ahead
 * of the shared count by at most {@code sync.tokens} before it settles, so a key of 10 tokens gets at
 * most 10 + 2 × 1 requests through both, where two buckets of its own would let 20 through.
 */
class KeyLimitAcrossInstancesIT {

    private static final int BURST = 10;
    /** A single read; not /api/leads, whose calls GatewayIT counts on the shared downstream stub. */
    private static final String READ = "/api/dealers";
    private static final int SYNC_TOKENS = 1;
    private static final List<String> LIMITS = List.of(
            "radar.gateway.rate-limit.key.tokens=1",
            "radar.gateway.rate-limit.key.period=1h",
            "radar.gateway.rate-limit.key.burst=" + BURST,
            "radar.gateway.rate-limit.sync.tokens=" + SYNC_TOKENS);

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void twoGateways() {
        first = start();
        second = start();
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    @Test
    void twoInstancesShareOneKeysLimit() {
        String apiKey = issue(client(first));
        List<WebTestClient> instances = List.of(client(first), client(second));

        int passed = 0;
        for (int i = 0; i < 3 * BURST; i++) {
            int status = status(instances.get(i % 2), apiKey);
            assertThat(status).isIn(200, 429);
            passed += status == 200 ? 1 : 0;
        }

        assertThat(passed).as("requests through both instances").isBetween(BURST, BURST + 2 * SYNC_TOKENS);
        instances.forEach(instance -> assertThat(status(instance, apiKey)).isEqualTo(429));
    }

    private static int status(WebTestClient instance, String apiKey) {
        return instance.get().uri(READ).header("X-Api-Key", apiKey).exchange()
                .returnResult(Void.class).getStatus().value();
    }

    private static String issue(WebTestClient instance) {
        return (String) instance.post().uri("/api/keys").header("X-Api-Key", ADMIN_KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", "HQ", "label", "shared limit test"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult().getResponseBody().get("apiKey");
    }

    private static WebTestClient client(ConfigurableApplicationContext gateway) {
        String port = gateway.getEnvironment().getProperty("local.server.port");
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20)).build();
    }

    /** Settings as arguments, which (unlike default properties) take precedence over application.yml. */
    private static ConfigurableApplicationContext start() {
        String[] arguments = Stream.concat(
                        GatewayTestEnvironment.properties().entrySet().stream().map(setting -> setting.getKey() + "=" + setting.getValue()),
                        LIMITS.stream())
                .map(setting -> "--" + setting)
                .toArray(String[]::new);
        return new SpringApplicationBuilder(GatewayApplication.class).run(arguments);
    }
}
