package com.dealerradar.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The walking skeleton as a user meets it: the five services from their own jars, the broker and the
 * file-backed store, every request through the gateway over HTTP with API keys. That everything survives
 * a restart of the broker and the store is {@link InfrastructureRestartIT}.
 */
@SharedStack
class WalkingSkeletonIT {

    private static final String DEALER = "D-WS-01";
    private static final String OTHER_DEALER = "D-WS-02";
    /** Counted in analytics by one test alone, so that its count does not depend on the other tests. */
    private static final String COUNTED_DEALER = "D-WS-03";
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

    @BeforeAll
    static void registerDealers(LocalStack shared) throws Exception {
        stack = shared;
        register(DEALER, "Wuhai Motors", "Wuhai");
        register(OTHER_DEALER, "Alxa Motors", "Alxa");
        register(COUNTED_DEALER, "Wuhai City Motors", "Wuhai");
        dealerKey = Gateway.issueKey(stack, "{\"role\": \"DEALER\", \"dealerId\": \"" + DEALER + "\", \"label\": \"WS-01 DMS\"}");
    }

    @ParameterizedTest
    @FieldSource("com.dealerradar.local.e2e.LocalStack#SERVICES")
    void everyServiceReportsReadyAndHealthy(String module) throws Exception {
        for (String health : List.of("/actuator/health/readiness", "/actuator/health")) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + stack.servicePort(module) + health)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s %s: %s", module, health, response.body()).isEqualTo(200);
        }
    }

    @Test
    void aDealerIsRegisteredOnceAndAnAdminIssuesItsKeys() throws Exception {
        assertThat(call("POST", "/api/dealers", stack.adminKey(),
                "{\"dealerId\": \"" + DEALER + "\", \"name\": \"Again\", \"region\": \"Wuhai\"}").statusCode()).isEqualTo(409);

        HttpResponse<String> key = call("POST", "/api/keys", stack.adminKey(),
                "{\"role\": \"DEALER\", \"dealerId\": \"" + DEALER + "\", \"label\": \"WS-01 second DMS\"}");
        assertThat(key.statusCode()).isEqualTo(201);
        String apiKey = JsonPath.read(key.body(), "$.apiKey");
        assertThat(call("GET", "/api/dealers/" + DEALER, apiKey, null).statusCode()).isEqualTo(200);
    }

    @Test
    void aLeadIsCapturedOnceAndShowsInAnalytics() throws Exception {
        String countedKey = Gateway.issueKey(stack,
                "{\"role\": \"DEALER\", \"dealerId\": \"" + COUNTED_DEALER + "\", \"label\": \"WS-03 DMS\"}");
        HttpResponse<String> created = call("POST", "/api/leads", countedKey, LEAD.formatted(COUNTED_DEALER, "crm-88213"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String leadId = JsonPath.read(created.body(), "$.leadId");
        assertThat((String) JsonPath.read(created.body(), "$.region")).isEqualTo("Wuhai");
        assertThat((String) JsonPath.read(created.body(), "$.customer.phone")).isEqualTo("138****5678");

        HttpResponse<String> again = call("POST", "/api/leads", countedKey, LEAD.formatted(COUNTED_DEALER, "crm-88213"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(again.body(), "$.leadId")).isEqualTo(leadId);

        String structure = await("analytics counts the lead").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> call("GET", "/api/analytics/structure?dealerId=" + COUNTED_DEALER, countedKey, null).body(),
                        body -> (Integer) JsonPath.read(body, "$.leads") >= 1);
        assertThat((Integer) JsonPath.read(structure, "$.leads")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(structure, "$.captured")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(structure, "$.potential")).isEqualTo(1);
    }

    @Test
    void callersOutsideTheirScopeOrWithoutAValidKeyAreTurnedAway() throws Exception {
        HttpResponse<String> created = call("POST", "/api/leads", dealerKey, LEAD.formatted(DEALER, "crm-scope"));
        assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
        String leadId = JsonPath.read(created.body(), "$.leadId");

        assertThat(call("POST", "/api/leads", dealerKey, LEAD.formatted(OTHER_DEALER, "crm-1")).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/leads", null, LEAD.formatted(DEALER, "crm-2")).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/leads/" + leadId, "rk_not-a-key", null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/leads/" + leadId, dealerKey, null).statusCode()).isEqualTo(200);

        HttpResponse<String> direct = HTTP.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + stack.servicePort("lead-service") + "/api/leads/" + leadId))
                .header("X-Api-Key", stack.adminKey()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(direct.statusCode()).isEqualTo(401);
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndChangesNothing() throws Exception {
        int leadsBefore = leadsOfDealer();
        HttpResponse<String> malformed = call("POST", "/api/leads", dealerKey, "{\"dealerId\": \"" + DEALER + "\", ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat((List<String>) JsonPath.read(malformed.body(), "$.errors[*].field")).containsExactly("body");

        HttpResponse<String> missing = call("POST", "/api/leads", dealerKey,
                LEAD.formatted(DEALER, "crm-3").replace("\"channel\": \"SHOWROOM\",", ""));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat((List<String>) JsonPath.read(missing.body(), "$.errors[*].field")).containsExactly("channel");

        HttpResponse<String> unknownValue = call("POST", "/api/leads", dealerKey,
                LEAD.formatted(DEALER, "crm-4").replace("\"SHOWROOM\"", "\"CARRIER_PIGEON\""));
        assertThat(unknownValue.statusCode()).isEqualTo(400);
        assertThat((List<String>) JsonPath.read(unknownValue.body(), "$.errors[*].field")).containsExactly("channel");
        assertThat(leadsOfDealer()).isEqualTo(leadsBefore);
    }

    @Test
    void aRevokedKeyIsRefusedAtOnce() throws Exception {
        HttpResponse<String> spare = call("POST", "/api/keys", stack.adminKey(),
                "{\"role\": \"DEALER\", \"dealerId\": \"" + DEALER + "\", \"label\": \"spare\"}");
        String spareKey = JsonPath.read(spare.body(), "$.apiKey");
        String spareId = JsonPath.read(spare.body(), "$.keyId");
        assertThat(call("GET", "/api/dealers/" + DEALER, spareKey, null).statusCode()).isEqualTo(200);
        assertThat(call("DELETE", "/api/keys/" + spareId, stack.adminKey(), null).statusCode()).isEqualTo(204);
        assertThat(call("GET", "/api/dealers/" + DEALER, spareKey, null).statusCode()).isEqualTo(401);
    }

    private static int leadsOfDealer() throws Exception {
        HttpResponse<String> page = call("GET", "/api/leads", dealerKey, null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return JsonPath.read(page.body(), "$.total");
    }

    private static void register(String dealerId, String name, String region) throws Exception {
        HttpResponse<String> registered = call("POST", "/api/dealers", stack.adminKey(), """
                {"dealerId": "%s", "name": "%s", "region": "%s", "brand": "Changan"}""".formatted(dealerId, name, region));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    }

    private static HttpResponse<String> call(String method, String path, String apiKey, String json) throws Exception {
        return Gateway.call(stack, method, path, apiKey, json);
    }
}
