package com.dealerradar.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lost sales as a dealer system and its managers meet them: leads posted through the gateway reach
 * defeat-service over Kafka; reports are confirmed, reversed or confirmed as lost contact by their
 * callbacks; and the lead's status follows each settlement. Each story has a lead of its own. How
 * defeat-service counts callbacks, refuses a second report and checks input is its own integration
 * test's job (defeat-service DefeatsIT); here the journey across the services is.
 */
@SharedStack
class DefeatsIT {

    private static final Duration LEAD_KNOWN_WITHIN = Duration.ofSeconds(30);
    private static final Duration STATUS_WITHIN = Duration.ofSeconds(30);
    private static final String LEAD = """
            {"dealerId": "D-ER-01", "externalRef": "%s", "occurredAt": "2026-11-02T10:05:00+08:00",
             "channel": "SHOWROOM", "grade": "A", "contactRetained": true, "model": "CS75 PLUS",
             "consultant": "wang.li",
             "customer": {"kind": "INDIVIDUAL", "name": "Li Wei", "phone": "1380000%s"}}
            """;
    private static final String REPORT = """
            {"leadId": "%s", "externalRef": "%s", "occurredAt": "2026-11-20T18:00:00+08:00",
             "kind": "%s", "subtype": "%s", "reasons": ["PRICE", "COMPETITOR_OFFER"],
             "competitorBrand": "Geely", "competitorModel": "Monjaro", "note": "bought elsewhere", "reportedBy": "wang.li"}
            """;
    private static final String CALLBACK = """
            {"occurredAt": "2026-11-21T10:00:00+08:00", "outcome": "%s", "actualReasons": ["SALES_EXPERIENCE"],
             "boughtBrand": "Geely", "boughtModel": "Monjaro",
             "ratings": {"reception": 4, "needsAnalysis": 2, "presentation": 3, "testDrive": 5,
                         "negotiation": 2, "followUp": 1},
             "verbatim": "…", "by": "manager.zhao"}
            """;

    static LocalStack stack;
    static String dealerKey;
    static String erenhotManagerKey;
    static String dongshengManagerKey;

    @BeforeAll
    static void registerDealersAndKeys(LocalStack shared) throws Exception {
        stack = shared;
        assertThat(call("POST", "/api/dealers", stack.adminKey(),
                "{\"dealerId\": \"D-ER-01\", \"name\": \"Erenhot Changan 4S\", \"region\": \"Erenhot\", \"brand\": \"Changan\"}")
                .statusCode()).isEqualTo(201);
        assertThat(call("POST", "/api/dealers", stack.adminKey(),
                "{\"dealerId\": \"D-DS-01\", \"name\": \"Dongsheng Changan 4S\", \"region\": \"Dongsheng\", \"brand\": \"Changan\"}")
                .statusCode()).isEqualTo(201);
        dealerKey = Gateway.issueKey(stack, "{\"role\": \"DEALER\", \"dealerId\": \"D-ER-01\", \"label\": \"Erenhot DMS\"}");
        erenhotManagerKey = Gateway.issueKey(stack, "{\"role\": \"REGION_MANAGER\", \"region\": \"Erenhot\", \"label\": \"Erenhot manager\"}");
        dongshengManagerKey = Gateway.issueKey(stack, "{\"role\": \"REGION_MANAGER\", \"region\": \"Dongsheng\", \"label\": \"Dongsheng manager\"}");
    }

    @Test
    void aReportWaitsForItsCallbackWhichOnlyItsOwnRegionSettlesAndTheLeadIsDefeated() throws Exception {
        String leadId = postLead("crm-confirmed", "0001");
        HttpResponse<String> reported = reportOnceKnown(leadId, "lost-1", "DEFEATED", "BOUGHT_COMPETITOR");
        assertThat((String) JsonPath.read(reported.body(), "$.state")).isEqualTo("PENDING_CALLBACK");
        assertThat(OffsetDateTime.parse(JsonPath.read(reported.body(), "$.callbackDueAt")).toInstant())
                .as("48 hours after the loss by default").isEqualTo(OffsetDateTime.parse("2026-11-22T18:00:00+08:00").toInstant());
        String defeatId = JsonPath.read(reported.body(), "$.defeatId");
        HttpResponse<String> lead = call("GET", "/api/leads/" + leadId, dealerKey, null);
        assertThat((String) JsonPath.read(lead.body(), "$.status")).isEqualTo("OPEN");

        assertThat(call("POST", "/api/defeats/" + defeatId + "/callbacks", dongshengManagerKey,
                CALLBACK.formatted("CONFIRMED")).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/defeats?region=Erenhot", dongshengManagerKey, null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/defeats/callbacks/due?dealerId=D-ER-01", dongshengManagerKey, null).statusCode())
                .isEqualTo(403);
        assertThat(call("GET", "/api/defeats/" + defeatId, dongshengManagerKey, null).statusCode()).isEqualTo(404);
        HttpResponse<String> due = call("GET", "/api/defeats/callbacks/due?region=Erenhot", erenhotManagerKey, null);
        assertThat(due.statusCode()).isEqualTo(200);
        assertThat((List<String>) JsonPath.read(due.body(), "$.items[*].defeatId")).contains(defeatId);

        HttpResponse<String> confirmed = call("POST", "/api/defeats/" + defeatId + "/callbacks",
                erenhotManagerKey, CALLBACK.formatted("CONFIRMED"));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat((String) JsonPath.read(confirmed.body(), "$.state")).isEqualTo("CONFIRMED");
        assertThat((Integer) JsonPath.read(confirmed.body(), "$.callbacks[0].ratings.testDrive")).isEqualTo(5);
        assertThat(leadStatusWithin(leadId, "DEFEATED")).isEqualTo("DEFEATED");
    }

    @Test
    void aFalseDefeatIsReversedAndTheLeadStaysOpen() throws Exception {
        String leadId = postLead("crm-false", "0002");
        String defeatId = JsonPath.read(reportOnceKnown(leadId, "lost-2", "AT_RISK", "GAVE_UP").body(), "$.defeatId");
        HttpResponse<String> reversed = call("POST", "/api/defeats/" + defeatId + "/callbacks", dealerKey,
                CALLBACK.formatted("FALSE_DEFEAT"));
        assertThat(reversed.statusCode()).as(reversed.body()).isEqualTo(200);
        assertThat((String) JsonPath.read(reversed.body(), "$.state")).isEqualTo("REVERSED");
        assertThat(leadStatusWithin(leadId, "OPEN")).isEqualTo("OPEN");
    }

    @Test
    void aConfirmedAtRiskReportIsListedAsSettledAndTheLeadIsAtRisk() throws Exception {
        String leadId = postLead("crm-at-risk", "0003");
        String defeatId = JsonPath.read(reportOnceKnown(leadId, "lost-4", "AT_RISK", "GAVE_UP").body(), "$.defeatId");
        assertThat(call("POST", "/api/defeats/" + defeatId + "/callbacks", dealerKey, CALLBACK.formatted("CONFIRMED"))
                .statusCode()).isEqualTo(200);

        HttpResponse<String> confirmed = call("GET", "/api/defeats?state=CONFIRMED", erenhotManagerKey, null);
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat((List<String>) JsonPath.read(confirmed.body(), "$.items[*].defeatId")).contains(defeatId);
        HttpResponse<String> due = call("GET", "/api/defeats/callbacks/due", dealerKey, null);
        assertThat((List<String>) JsonPath.read(due.body(), "$.items[*].defeatId")).doesNotContain(defeatId);
        assertThat(leadStatusWithin(leadId, "AT_RISK")).isEqualTo("AT_RISK");
    }

    private static String postLead(String externalRef, String phoneEnd) throws Exception {
        HttpResponse<String> created = call("POST", "/api/leads", dealerKey, LEAD.formatted(externalRef, phoneEnd));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JsonPath.read(created.body(), "$.leadId");
    }

    /** Reports once defeat-service has learned of the lead from radar.leads; until then the lead is unknown there (404). */
    private static HttpResponse<String> reportOnceKnown(String leadId, String externalRef, String kind, String subtype) {
        String body = REPORT.formatted(leadId, externalRef, kind, subtype);
        HttpResponse<String> response = await("defeat-service knows lead " + leadId).atMost(LEAD_KNOWN_WITHIN)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> call("POST", "/api/defeats", dealerKey, body), answer -> answer.statusCode() != 404);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response;
    }

    /** The lead's status in lead-service once it is {@code expected}; the wait fails naming the last status seen. */
    private static String leadStatusWithin(String leadId, String expected) {
        return await("lead " + leadId + " becomes " + expected).atMost(STATUS_WITHIN).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    HttpResponse<String> lead = call("GET", "/api/leads/" + leadId, dealerKey, null);
                    assertThat(lead.statusCode()).as(lead.body()).isEqualTo(200);
                    return JsonPath.<String>read(lead.body(), "$.status");
                }, expected::equals);
    }

    private static HttpResponse<String> call(String method, String path, String apiKey, String json) throws Exception {
        return Gateway.call(stack, method, path, apiKey, json);
    }
}
