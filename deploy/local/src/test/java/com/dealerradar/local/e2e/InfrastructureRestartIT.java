package com.dealerradar.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Everything is still there, and nothing is counted twice, after the broker and the file store restart under
 * the running services, as after a failover: the services wait them out and go on. (A service restarting on
 * the stored data and its committed offsets is {@link ReliabilityIT}'s crash; the store's own durability is
 * testkit's {@code FileStoreDurabilityIT}.) It takes the store and the broker away, so it runs after the
 * classes that only use the shared stack (see {@link SharedStack#DISRUPTIVE}).
 */
@SharedStack
@Order(SharedStack.DISRUPTIVE)
class InfrastructureRestartIT {

    private static final String DEALER = "D-SR-01";
    private static final String LEAD = """
            {"dealerId": "D-SR-01", "externalRef": "crm-88213", "occurredAt": "2026-11-02T10:05:00+08:00",
             "channel": "SHOWROOM", "grade": "A", "contactRetained": true, "model": "CS75 PLUS",
             "customer": {"kind": "INDIVIDUAL", "name": "Li Lei", "phone": "13800005678"}}
            """;

    @Test
    void everythingIsStillThereAfterTheBrokerAndTheStoreRestart(LocalStack stack) throws Exception {
        assertThat(Gateway.call(stack, "POST", "/api/dealers", stack.adminKey(),
                "{\"dealerId\": \"" + DEALER + "\", \"name\": \"Ulanqab Motors\", \"region\": \"Ulanqab\"}").statusCode())
                .isEqualTo(201);
        String dealerKey = Gateway.issueKey(stack, "{\"role\": \"DEALER\", \"dealerId\": \"" + DEALER + "\", \"label\": \"SR DMS\"}");
        HttpResponse<String> created = Gateway.call(stack, "POST", "/api/leads", dealerKey, LEAD);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String leadId = JsonPath.read(created.body(), "$.leadId");
        awaitCapturedInAnalytics(stack, dealerKey);

        stack.kafka().restart();
        stack.restartStore();

        // The services' connections come back on their own; a read may meet one still reconnecting.
        HttpResponse<String> lead = await("lead-service reads from the restarted store").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> Gateway.call(stack, "GET", "/api/leads/" + leadId, dealerKey, null), read -> read.statusCode() == 200);
        assertThat(Gateway.call(stack, "GET", "/api/dealers/" + DEALER, dealerKey, null).statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(lead.body(), "$.externalRef")).isEqualTo("crm-88213");
        assertThat(awaitCapturedInAnalytics(stack, dealerKey)).isEqualTo(1);
        HttpResponse<String> again = Gateway.call(stack, "POST", "/api/leads", dealerKey, LEAD);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(again.body(), "$.leadId")).isEqualTo(leadId);
        Thread.sleep(2_000);
        assertThat(awaitCapturedInAnalytics(stack, dealerKey)).as("a repeated lead is not counted again").isEqualTo(1);
    }

    private static int awaitCapturedInAnalytics(LocalStack stack, String dealerKey) {
        return await("analytics counts the dealer's lead").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    HttpResponse<String> structure = Gateway.call(stack, "GET",
                            "/api/analytics/structure?dealerId=" + DEALER, dealerKey, null);
                    return structure.statusCode() == 200 ? (Integer) JsonPath.read(structure.body(), "$.captured") : -1;
                }, captured -> captured >= 1);
    }
}
