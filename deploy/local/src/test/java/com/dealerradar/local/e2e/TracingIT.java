package com.dealerradar.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealerradar.local.e2e.SpanReceiver.ReceivedSpan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One lead captured through the gateway is one trace, from the gateway through lead-service, its outbox
 * and Kafka, to each service that consumes the lead: every one of the five exports spans under the trace
 * id the caller started. Should the outbox lose the context the event was written in, the consumers' work
 * would start traces of their own, which the stack does not sample.
 */
@SharedStack
class TracingIT {

    private static final String DEALER = "D-TR-01";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String LEAD = """
            {"dealerId": "%s", "externalRef": "trace-1", "occurredAt": "2026-11-02T10:05:00+08:00",
             "channel": "SHOWROOM", "grade": "A", "contactRetained": true, "model": "CS75 PLUS",
             "customer": {"kind": "INDIVIDUAL", "name": "Bai Yun", "phone": "13800007788"}}
            """;

    static LocalStack stack;
    static String dealerKey;

    @BeforeAll
    static void registerDealer(LocalStack shared) throws Exception {
        stack = shared;
        HttpResponse<String> registered = Gateway.call(stack, "POST", "/api/dealers", stack.adminKey(), """
                {"dealerId": "%s", "name": "Duolun Motors", "region": "Duolun", "brand": "Changan"}""".formatted(DEALER));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        dealerKey = Gateway.issueKey(stack, "{\"role\": \"DEALER\", \"dealerId\": \"" + DEALER + "\", \"label\": \"TR-01 DMS\"}");
    }

    @Test
    void oneCaptureIsOneTraceFromTheGatewayThroughKafkaToEveryConsumer() throws Exception {
        String traceId = randomHex(16);
        String callerSpanId = randomHex(8);

        // On a busy machine the gateway may give up waiting (504, "send it again"): the same externalRef in
        // the same trace is safe, and answers 200 if the first try was stored (its events are in this trace).
        HttpResponse<String> created = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> capture(traceId, callerSpanId), response -> response.statusCode() != 504);
        assertThat(created.statusCode()).as(created.body()).isIn(200, 201);

        // Each service exports its spans in batches of its own, so the trace fills in over a few exports.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<ReceivedSpan> trace = stack.spans().ofTrace(traceId);
            Map<String, Set<String>> kinds = kindsByService(trace);
            assertThat(kinds).containsOnlyKeys(LocalStack.SERVICES);
            assertThat(trace).as("the gateway's span continues the caller's")
                    .anySatisfy(span -> {
                        assertThat(span.service()).isEqualTo("gateway");
                        assertThat(span.parentSpanId()).isEqualTo(callerSpanId);
                    });
            assertThat(kinds.get("lead-service")).contains("SPAN_KIND_SERVER", "SPAN_KIND_PRODUCER");
            for (String consumer : List.of("followup-service", "defeat-service", "analytics-service")) {
                assertThat(kinds.get(consumer)).as(consumer).contains("SPAN_KIND_CONSUMER");
            }
        });
    }

    private static HttpResponse<String> capture(String traceId, String callerSpanId) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/leads"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Api-Key", dealerKey)
                .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .POST(HttpRequest.BodyPublishers.ofString(LEAD.formatted(DEALER)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Set<String>> kindsByService(List<ReceivedSpan> spans) {
        return spans.stream().collect(Collectors.groupingBy(ReceivedSpan::service,
                Collectors.mapping(ReceivedSpan::kind, Collectors.toSet())));
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
