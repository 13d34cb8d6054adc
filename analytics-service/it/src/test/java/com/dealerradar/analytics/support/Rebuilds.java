package com.dealerradar.analytics.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** Starts a rebuild through the API and follows its status until it ends. */
public final class Rebuilds {

    private final AnalyticsReads reads;

    public Rebuilds(AnalyticsReads reads) {
        this.reads = reads;
    }

    /** POST: 202, RUNNING, with the status's location; answers that location. */
    public String start() {
        EntityExchangeResult<String> started = reads.client(AnalyticsReads.ADMIN).post().uri("/api/analytics/rebuild")
                .exchange().expectStatus().isAccepted().expectBody(String.class).returnResult();
        String id = JsonPath.read(started.getResponseBody(), "$.id");
        assertThat(JsonPath.<String>read(started.getResponseBody(), "$.state")).isEqualTo("RUNNING");
        assertThat(started.getResponseHeaders().getLocation()).hasToString("/api/analytics/rebuild/" + id);
        return "/api/analytics/rebuild/" + id;
    }

    /** Polls the status until it is no longer RUNNING; answers the last status (JSON). */
    public String awaitEnd(String location) {
        AtomicReference<String> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).until(() -> {
            String status = reads.client(AnalyticsReads.ADMIN).get().uri(location).exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
            last.set(status);
            return !"RUNNING".equals(JsonPath.read(status, "$.state"));
        });
        return last.get();
    }
}
