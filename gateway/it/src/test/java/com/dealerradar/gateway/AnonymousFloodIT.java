package com.dealerradar.gateway;

import static com.dealerradar.gateway.GatewayTestEnvironment.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/**
 * Requests without a valid key are limited per client address (5 tokens here, none coming back while
 * the test runs), before their key is looked up. Each test connects from a loopback address of its own
 * (127.0.0.x, all of which reach the gateway on 127.0.0.1 on Linux), so that each starts with a full
 * bucket. Key-store lookups are counted with a command listener on the gateway's own MongoDB client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "radar.gateway.rate-limit.address.tokens=1",
        "radar.gateway.rate-limit.address.period=1h",
        "radar.gateway.rate-limit.address.burst=5"})
class AnonymousFloodIT {

    private static final int BURST = 5;
    /** A single read; not /api/leads, whose calls GatewayIT counts on the shared downstream stub. */
    private static final String READ = "/api/dealers";

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        GatewayTestEnvironment.register(registry);
    }

    @TestConfiguration
    static class KeyStoreLookups {

        final AtomicInteger count = new AtomicInteger();

        @Bean
        MongoClientSettingsBuilderCustomizer countKeyLookups() {
            return settings -> settings.addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if ("find".equals(event.getCommandName()) && "api_keys".equals(event.getCommand().getString("find").getValue())) {
                        count.incrementAndGet();
                    }
                }
            });
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    KeyStoreLookups lookups;

    @Test
    void unknownKeysFromOneAddressReachTheKeyStoreOnlyUpToItsLimit() {
        WebTestClient client = from("127.0.0.2");
        int lookupsBefore = lookups.count.get();

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4 * BURST; i++) {
            statuses.add(status(client, "rk_unknown-" + UUID.randomUUID(), null));
        }

        assertThat(statuses.subList(0, BURST)).containsOnly(401);
        assertThat(statuses.subList(BURST, statuses.size())).containsOnly(429);
        assertThat(lookups.count.get() - lookupsBefore).isEqualTo(BURST);
    }

    @Test
    void requestsWithoutAKeyAreLimitedPerAddressWhateverTheyClaimInXForwardedFor() {
        WebTestClient client = from("127.0.0.3");

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 2 * BURST; i++) {
            statuses.add(status(client, null, "198.51.100." + i));
        }

        assertThat(statuses.subList(0, BURST)).containsOnly(401);
        assertThat(statuses.subList(BURST, statuses.size())).containsOnly(429);
        client.get().uri(READ).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("Retry-After", retryAfter -> assertThat(Long.parseLong(retryAfter)).isPositive())
                .expectBody().jsonPath("$.status").isEqualTo(429);
        assertThat(status(from("127.0.0.4"), null, null)).as("another address").isEqualTo(401);
    }

    @Test
    void aKeyAlreadySeenValidStillPassesFromAnAddressOverItsLimit() {
        WebTestClient client = from("127.0.0.5");
        assertThat(status(client, ADMIN_KEY, null)).isEqualTo(200);
        for (int i = 0; i < 2 * BURST; i++) {
            status(client, null, null);
        }
        assertThat(status(client, null, null)).isEqualTo(429);

        assertThat(status(client, ADMIN_KEY, null)).isEqualTo(200);
    }

    private static int status(WebTestClient client, String apiKey, String forwardedFor) {
        WebTestClient.RequestHeadersSpec<?> request = client.get().uri(READ);
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return request.exchange().returnResult(Void.class).getStatus().value();
    }

    private WebTestClient from(String localAddress) {
        HttpClient connectingFrom = HttpClient.create().bindAddress(() -> new InetSocketAddress(localAddress, 0));
        // The 5 s default is too short for a gateway's first requests on a loaded two-core machine.
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(connectingFrom))
                .baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30)).build();
    }
}
