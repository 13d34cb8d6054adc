package com.dealerradar.analytics.support;

import static org.awaitility.Awaitility.await;

import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.InternalToken;
import com.dealerradar.platform.security.Role;
import com.dealerradar.testkit.ServiceClients;
import com.dealerradar.testkit.SharedInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every Analytics endpoint, read as ADMIN, to compare one read model with another. */
public final class AnalyticsReads {

    public static final Caller ADMIN = new Caller("admin", Role.ADMIN, null, null);
    private static final InternalToken TOKENS = new InternalToken(SharedInfrastructure.INTERNAL_TOKEN_SECRET);
    private static final List<String> READS = reads();

    private final int port;

    public AnalyticsReads(int port) {
        this.port = port;
    }

    private static List<String> reads() {
        List<String> reads = new ArrayList<>(List.of("structure", "channels", "defeats",
                "structure?region=Chifeng&from=2026-09-01&to=2026-09-30"));
        for (String groupBy : List.of("dealer", "region", "channel", "model", "industry", "consultant")) {
            reads.add("funnel?groupBy=" + groupBy);
        }
        for (String groupBy : List.of("dealer", "channel", "consultant")) {
            reads.add("response-times?groupBy=" + groupBy);
        }
        for (String dimension : List.of("industry", "model", "channel")) {
            reads.add("comparison?dimension=" + dimension);
        }
        for (String dimension : List.of("industry", "model", "industryModel")) {
            reads.add("missed-prospects?region=Chifeng&dimension=" + dimension);
        }
        for (String metric : List.of("closeRate", "keepRate", "followRate", "convertRate")) {
            reads.add("dealers/benchmark?metric=" + metric);
        }
        return reads;
    }

    public WebTestClient client(Caller caller) {
        return ServiceClients.withToken(port, TOKENS.sign(caller, "analytics-service", Instant.now()));
    }

    /** Every read's answer, in order. */
    public List<String> snapshot() {
        return READS.stream().map(read -> client(ADMIN).get().uri("/api/analytics/" + read).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody()).toList();
    }

    /** Waits until two snapshots a second apart agree: the live listener has caught up with the topics. */
    public List<String> settledSnapshot() {
        AtomicReference<List<String>> last = new AtomicReference<>(List.of());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            List<String> now = snapshot();
            return now.equals(last.getAndSet(now));
        });
        return last.get();
    }
}
