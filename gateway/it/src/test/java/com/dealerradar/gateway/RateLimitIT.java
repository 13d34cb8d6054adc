package com.dealerradar.gateway;

import static com.dealerradar.gateway.GatewayTestEnvironment.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A key's limit, counted in the store: each test issues a key of its own with a bucket of 10 tokens
 * that do not come back while the test runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "radar.gateway.rate-limit.key.tokens=1",
        "radar.gateway.rate-limit.key.period=1h",
        "radar.gateway.rate-limit.key.burst=10",
        "radar.gateway.rate-limit.weights.batch=4",
        "radar.gateway.rate-limit.weights.analytics=3"})
class RateLimitIT {

    private static final String BATCH = "{\"items\": []}";
    /** A single read; not /api/leads, whose calls GatewayIT counts on the shared downstream stub. */
    private static final String READ = "/api/dealers";

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        GatewayTestEnvironment.register(registry);
    }

    @LocalServerPort
    int port;

    private WebTestClient http;
    private String apiKey;

    @BeforeEach
    void aKeyOfItsOwn() {
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20)).build();
        apiKey = (String) http.post().uri("/api/keys").header("X-Api-Key", ADMIN_KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", "HQ", "label", "rate limit test"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult().getResponseBody().get("apiKey");
    }

    @Test
    void aKeyBeyondItsLimitIsToldWhenToComeBack() {
        for (int i = 0; i < 10; i++) {
            assertThat(status(HttpMethod.GET, READ)).isEqualTo(200);
        }

        http.get().uri(READ).header("X-Api-Key", apiKey).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("Retry-After", retryAfter -> assertThat(Long.parseLong(retryAfter)).isBetween(1L, 3600L))
                .expectBody()
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("this API key"));
    }

    @Test
    void aBatchTakesMoreOfTheLimitThanASingleRead() {
        assertThat(status(HttpMethod.POST, "/api/leads/batch")).isEqualTo(200);
        assertThat(status(HttpMethod.POST, "/api/leads/batch")).isEqualTo(200);

        // 8 of 10 tokens taken: no room for a third batch, but for two reads
        assertThat(status(HttpMethod.POST, "/api/leads/batch")).isEqualTo(429);
        assertThat(status(HttpMethod.GET, READ)).isEqualTo(200);
        assertThat(status(HttpMethod.GET, READ)).isEqualTo(200);
        assertThat(status(HttpMethod.GET, READ)).isEqualTo(429);
    }

    @Test
    void anAnalyticsReadTakesMoreOfTheLimitThanASingleRead() {
        // analytics-service is down in these tests: its reads answer 503, after taking their tokens
        for (int i = 0; i < 3; i++) {
            assertThat(status(HttpMethod.GET, "/api/analytics/funnel?groupBy=dealer")).isEqualTo(503);
        }

        assertThat(status(HttpMethod.GET, "/api/analytics/funnel?groupBy=dealer")).isEqualTo(429);
        assertThat(status(HttpMethod.GET, READ)).isEqualTo(200);
        assertThat(status(HttpMethod.GET, READ)).isEqualTo(429);
    }

    private int status(HttpMethod method, String uri) {
        WebTestClient.RequestBodySpec request = http.method(method).uri(uri).header("X-Api-Key", apiKey);
        if (method == HttpMethod.POST) {
            request.contentType(MediaType.APPLICATION_JSON).bodyValue(BATCH);
        }
        return request.exchange().returnResult(Void.class).getStatus().value();
    }
}
