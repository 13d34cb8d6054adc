package com.dealerradar.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The walking skeleton as a user meets it: the five services from their own jars, the broker and the
 * file-backed store, every request through the gateway over HTTP with API keys.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String LEAD = """
            {"dealerId": "%s", "externalRef": "%s", "occurredAt": "2026-11-02T10:05:00+08:00",
             "channel": "SHOWROOM", "grade": "A", "contactRetained": true, "model": "CS75 PLUS",
             "consultant": "wang.li",
             "customer": {"kind": "ORGANIZATION", "name": "Chifeng Power Supply Co.", "phone": "13800005678",
                          "industry": "POWER_UTILITY", "organization": "Chifeng Power Supply Co."}}
            """;

    static LocalStack stack;
    static String dealerKey;
    static String dealerKeyId;
    static String leadId;

    @BeforeAll
    static void startStack() {
        stack = LocalStack.start();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Order(1)
    @ParameterizedTest
    @FieldSource("com.dealerradar.local.e2e.LocalStack#SERVICES")
    void everyServiceReportsReady(String module) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + stack.servicePort(module) + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s readiness: %s", module, response.body()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void anAdminRegistersADealerAndIssuesItsKey() throws Exception {
        assertThat(call("POST", "/api/dealers", stack.adminKey(),
                "{\"dealerId\": \"D1\", \"name\": \"Chifeng Motors\", \"region\": \"R1\", \"brand\": \"Changan\"}")
                .statusCode()).isEqualTo(201);
        assertThat(call("POST", "/api/dealers", stack.adminKey(),
                "{\"dealerId\": \"D1\", \"name\": \"Again\", \"region\": \"R1\"}").statusCode()).isEqualTo(409);

        HttpResponse<String> key = call("POST", "/api/keys", stack.adminKey(),
                "{\"role\": \"DEALER\", \"dealerId\": \"D1\", \"label\": \"D1 DMS\"}");
        assertThat(key.statusCode()).isEqualTo(201);
        dealerKey = JsonPath.read(key.body(), "$.apiKey");
        dealerKeyId = JsonPath.read(key.body(), "$.keyId");
    }

    @Test
    @Order(3)
    void aLeadIsCapturedOnceAndShowsInAnalytics() throws Exception {
        HttpResponse<String> created = call("POST", "/api/leads", dealerKey, LEAD.formatted("D1", "crm-88213"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        leadId = JsonPath.read(created.body(), "$.leadId");
        assertThat((String) JsonPath.read(created.body(), "$.region")).isEqualTo("R1");
        assertThat((String) JsonPath.read(created.body(), "$.customer.phone")).isEqualTo("138****5678");

        HttpResponse<String> again = call("POST", "/api/leads", dealerKey, LEAD.formatted("D1", "crm-88213"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(again.body(), "$.leadId")).isEqualTo(leadId);

        assertThat(structureLeadsOfD1(Duration.ofSeconds(10), 1)).isEqualTo(1);
    }

    @Test
    @Order(4)
    void callersOutsideTheirScopeOrWithoutAValidKeyAreTurnedAway() throws Exception {
        call("POST", "/api/dealers", stack.adminKey(), "{\"dealerId\": \"D2\", \"name\": \"Baotou Motors\", \"region\": \"R2\"}");
        assertThat(call("POST", "/api/leads", dealerKey, LEAD.formatted("D2", "crm-1")).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/leads", null, LEAD.formatted("D1", "crm-2")).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/leads/" + leadId, "rk_not-a-key", null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/leads/" + leadId, dealerKey, null).statusCode()).isEqualTo(200);

        HttpResponse<String> direct = HTTP.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + stack.servicePort("lead-service") + "/api/leads/" + leadId))
                .header("X-Api-Key", stack.adminKey()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(direct.statusCode()).isEqualTo(401);
    }

    @Test
    @Order(5)
    void badInputIsAProblemNamingTheField() throws Exception {
        HttpResponse<String> malformed = call("POST", "/api/leads", dealerKey, "{\"dealerId\": \"D1\", ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat((List<String>) JsonPath.read(malformed.body(), "$.errors[*].field")).containsExactly("body");

        HttpResponse<String> missing = call("POST", "/api/leads", dealerKey,
                LEAD.formatted("D1", "crm-3").replace("\"channel\": \"SHOWROOM\",", ""));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat((List<String>) JsonPath.read(missing.body(), "$.errors[*].field")).containsExactly("channel");

        HttpResponse<String> unknownValue = call("POST", "/api/leads", dealerKey,
                LEAD.formatted("D1", "crm-4").replace("\"SHOWROOM\"", "\"CARRIER_PIGEON\""));
        assertThat(unknownValue.statusCode()).isEqualTo(400);
        assertThat((List<String>) JsonPath.read(unknownValue.body(), "$.errors[*].field")).containsExactly("channel");
        assertThat(structureLeadsOfD1(Duration.ofSeconds(2), 1)).isEqualTo(1);
    }

    @Test
    @Order(6)
    void aRevokedKeyIsRefusedAtOnce() throws Exception {
        HttpResponse<String> spare = call("POST", "/api/keys", stack.adminKey(),
                "{\"role\": \"DEALER\", \"dealerId\": \"D1\", \"label\": \"spare\"}");
        String spareKey = JsonPath.read(spare.body(), "$.apiKey");
        String spareId = JsonPath.read(spare.body(), "$.keyId");
        assertThat(call("GET", "/api/dealers/D1", spareKey, null).statusCode()).isEqualTo(200);
        assertThat(call("DELETE", "/api/keys/" + spareId, stack.adminKey(), null).statusCode()).isEqualTo(204);
        assertThat(call("GET", "/api/dealers/D1", spareKey, null).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(7)
    void everythingIsStillThereAfterTheStackRestarts() throws Exception {
        stack.stopServices();
        stack.kafka().restart();
        stack.restartStore();
        stack.startServices();

        assertThat(call("GET", "/api/dealers/D1", dealerKey, null).statusCode()).isEqualTo(200);
        HttpResponse<String> lead = call("GET", "/api/leads/" + leadId, dealerKey, null);
        assertThat(lead.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(lead.body(), "$.externalRef")).isEqualTo("crm-88213");
        assertThat(structureLeadsOfD1(Duration.ofSeconds(5), 1)).isEqualTo(1);
        HttpResponse<String> again = call("POST", "/api/leads", dealerKey, LEAD.formatted("D1", "crm-88213"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(structureLeadsOfD1(Duration.ofSeconds(3), 1)).isEqualTo(1);
    }

    /** Polls the structure of D1 until it counts {@code expected} leads or the wait is over. */
    private static int structureLeadsOfD1(Duration wait, int expected) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        int leads = -1;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> structure = call("GET", "/api/analytics/structure?dealerId=D1", dealerKey, null);
            assertThat(structure.statusCode()).as(structure.body()).isEqualTo(200);
            leads = JsonPath.read(structure.body(), "$.leads");
            if (leads == expected) {
                assertThat((Integer) JsonPath.read(structure.body(), "$.captured")).isEqualTo(expected);
                assertThat((Integer) JsonPath.read(structure.body(), "$.potential")).isEqualTo(expected);
            }
            if (leads > expected) {
                return leads;
            }
            Thread.sleep(100);
        }
        return leads;
    }

    private static HttpResponse<String> call(String method, String path, String apiKey, String json) throws Exception {
        return Gateway.call(stack, method, path, apiKey, json);
    }
}
