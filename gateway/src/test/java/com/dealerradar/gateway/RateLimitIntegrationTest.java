package com.dealerradar.gateway;

import static com.dealerradar.gateway.GatewayTestEnvironment.ADMIN_KEY;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "radar.gateway.rate-limit.requests-per-second=1",
        "radar.gateway.rate-limit.burst=3"})
class RateLimitIntegrationTest {

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        GatewayTestEnvironment.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void aKeyBeyondItsRateIsToldToComeBackLater() {
        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
        for (int i = 0; i < 3; i++) {
            http.get().uri("/api/leads").header("X-Api-Key", ADMIN_KEY).exchange().expectStatus().isOk();
        }

        http.get().uri("/api/leads").header("X-Api-Key", ADMIN_KEY).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(429);
    }
}
