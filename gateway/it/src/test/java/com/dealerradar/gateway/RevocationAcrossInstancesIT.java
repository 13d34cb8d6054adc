package com.dealerradar.gateway;

import static com.dealerradar.gateway.GatewayTestEnvironment.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two gateway instances on one key store, each caching key lookups: a key revoked through one is
 * refused by both within a second of the revocation's answer. That second is a promise of the
 * product, so it is asserted as a deadline.
 */
class RevocationAcrossInstancesIT {

    private static final Duration PROMISE = Duration.ofSeconds(1);

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

    @AfterEach
    void revocationChannelBackOn() {
        lifecycle(second, "revocationPoller").start();
    }

    @Test
    void aKeyRevokedThroughOneInstanceIsRefusedByBothWithinASecond() {
        assertRevocationReachesBothInstancesInTime();
    }

    @Test
    void anInstanceThatCannotReadTheRevocationEpochChecksKeysInTheStoreInsteadOfItsCache() {
        lifecycle(second, "revocationPoller").stop();

        assertRevocationReachesBothInstancesInTime();
    }

    private void assertRevocationReachesBothInstancesInTime() {
        Map<String, Object> issued = issue(client(first));
        String apiKey = (String) issued.get("apiKey");
        List<WebTestClient> instances = List.of(client(first), client(second));
        for (int round = 0; round < 3; round++) {
            instances.forEach(instance -> assertThat(status(instance, apiKey)).isEqualTo(200));
        }

        client(first).delete().uri("/api/keys/{keyId}", issued.get("keyId")).header("X-Api-Key", ADMIN_KEY)
                .exchange().expectStatus().isNoContent();
        long answeredAt = System.nanoTime();

        Duration left = PROMISE.minusNanos(System.nanoTime() - answeredAt);
        await().atMost(left).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .until(() -> instances.stream().allMatch(instance -> status(instance, apiKey) == 401));
        instances.forEach(instance -> assertThat(status(instance, apiKey)).isEqualTo(401));
    }

    private static int status(WebTestClient instance, String apiKey) {
        return instance.get().uri("/api/leads").header("X-Api-Key", apiKey).exchange()
                .returnResult(Void.class).getStatus().value();
    }

    private static Map<String, Object> issue(WebTestClient instance) {
        return instance.post().uri("/api/keys").header("X-Api-Key", ADMIN_KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", "DEALER", "dealerId", "D-CF-02", "label", "revocation test"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult().getResponseBody();
    }

    private static WebTestClient client(ConfigurableApplicationContext gateway) {
        String port = gateway.getEnvironment().getProperty("local.server.port");
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20)).build();
    }

    private static Lifecycle lifecycle(ConfigurableApplicationContext gateway, String bean) {
        return gateway.getBean(bean, Lifecycle.class);
    }

    /** Settings as arguments, which (unlike default properties) take precedence over application.yml. */
    private static ConfigurableApplicationContext start() {
        String[] arguments = GatewayTestEnvironment.properties().entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(GatewayApplication.class).run(arguments);
    }
}
