package com.dealerradar.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Lost sales as a dealer system and its managers meet them: leads posted through the gateway reach
 * defeat-service over Kafka; reports are confirmed, reversed or confirmed as lost contact by their
 * callbacks; and the lead's status follows each settlement.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DefeatsIT {

    private static final Duration LEAD_KNOWN_WITHIN = Duration.ofSeconds(30);
    private static final Duration STATUS_WITHIN = Duration.ofSeconds(15);
    private static final String LEAD = """
            {"dealerId": "D-CF-01", "externalRef": "%s", "occurredAt": "2026-11-02T10:05:00+08:00",
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
    static String chifengManagerKey;
    static String baotouManagerKey;
    /** Lead ids by the story they take part in, and the status each story's lead should end with. */
    static final Map<String, String> leads = new LinkedHashMap<>();
    static final Map<String, String> expectedStatus = new LinkedHashMap<>();
    static String confirmedDefeat;

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

    @Test
    @Order(1)
    void anAdminRegistersDealersAndIssuesKeys() throws Exception {
        assertThat(call("POST", "/api/dealers", stack.adminKey(),
                "{\"dealerId\": \"D-CF-01\", \"name\": \"Chifeng Changan 4S\", \"region\": \"Chifeng\", \"brand\": \"Changan\"}")
                .statusCode()).isEqualTo(201);
        assertThat(call("POST", "/api/dealers", stack.adminKey(),
                "{\"dealerId\": \"D-BT-01\", \"name\": \"Baotou Changan 4S\", \"region\": \"Baotou\", \"brand\": \"Changan\"}")
                .statusCode()).isEqualTo(201);
        dealerKey = Gateway.issueKey(stack, "{\"role\": \"DEALER\", \"dealerId\": \"D-CF-01\", \"label\": \"Chifeng DMS\"}");
        chifengManagerKey = Gateway.issueKey(stack, "{\"role\": \"REGION_MANAGER\", \"region\": \"Chifeng\", \"label\": \"Chifeng manager\"}");
        baotouManagerKey = Gateway.issueKey(stack, "{\"role\": \"REGION_MANAGER\", \"region\": \"Baotou\", \"label\": \"Baotou manager\"}");
    }

    @Test
    @Order(2)
    void theDealerPostsItsLeads() throws Exception {
        String[] stories = {"confirmed", "falseDefeat", "unreachable", "atRisk"};
        for (int i = 0; i < stories.length; i++) {
            HttpResponse<String> created = call("POST", "/api/leads", dealerKey, LEAD.formatted("crm-" + i, "000" + i));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            leads.put(stories[i], JsonPath.read(created.body(), "$.leadId"));
        }
    }

    @Test
    @Order(3)
    void aReportWaitsForItsCallbackAndASecondOneIs409() throws Exception {
        HttpResponse<String> reported = reportOnceKnown("confirmed", "lost-1", "DEFEATED", "BOUGHT_COMPETITOR");
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        assertThat((String) JsonPath.read(reported.body(), "$.state")).isEqualTo("PENDING_CALLBACK");
        assertThat(OffsetDateTime.parse(JsonPath.read(reported.body(), "$.callbackDueAt")).toInstant())
                .as("48 hours after the loss by default").isEqualTo(OffsetDateTime.parse("2026-11-22T18:00:00+08:00").toInstant());
        confirmedDefeat = JsonPath.read(reported.body(), "$.defeatId");

        HttpResponse<String> again = call("POST", "/api/defeats", dealerKey,
                REPORT.formatted(leads.get("confirmed"), "lost-1", "DEFEATED", "BOUGHT_COMPETITOR"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(again.body(), "$.defeatId")).isEqualTo(confirmedDefeat);
        HttpResponse<String> second = call("POST", "/api/defeats", dealerKey,
                REPORT.formatted(leads.get("confirmed"), "lost-1b", "AT_RISK", "GAVE_UP"));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        assertThat(second.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));

        HttpResponse<String> lead = call("GET", "/api/leads/" + leads.get("confirmed"), dealerKey, null);
        assertThat((String) JsonPath.read(lead.body(), "$.status")).isEqualTo("OPEN");
    }

    @Test
    @Order(4)
    void theRegionalManagerOfAnotherRegionIsTurnedAway() throws Exception {
        assertThat(call("POST", "/api/defeats/" + confirmedDefeat + "/callbacks", baotouManagerKey,
                CALLBACK.formatted("CONFIRMED")).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/defeats?region=Chifeng", baotouManagerKey, null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/defeats/callbacks/due?dealerId=D-CF-01", baotouManagerKey, null).statusCode())
                .isEqualTo(403);
        assertThat(call("GET", "/api/defeats/" + confirmedDefeat, baotouManagerKey, null).statusCode()).isEqualTo(404);

        HttpResponse<String> due = call("GET", "/api/defeats/callbacks/due?region=Chifeng", chifengManagerKey, null);
        assertThat(due.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(due.body(), "$.items[0].defeatId")).isEqualTo(confirmedDefeat);
    }

    @Test
    @Order(5)
    void aConfirmingCallbackSettlesTheReport() throws Exception {
        HttpResponse<String> confirmed = call("POST", "/api/defeats/" + confirmedDefeat + "/callbacks",
                chifengManagerKey, CALLBACK.formatted("CONFIRMED"));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat((String) JsonPath.read(confirmed.body(), "$.state")).isEqualTo("CONFIRMED");
        assertThat((Integer) JsonPath.read(confirmed.body(), "$.attempts")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(confirmed.body(), "$.callbacks[0].ratings.testDrive")).isEqualTo(5);
        assertThat(call("POST", "/api/defeats/" + confirmedDefeat + "/callbacks", dealerKey,
                CALLBACK.formatted("FALSE_DEFEAT")).statusCode()).isEqualTo(409);
        expectedStatus.put("confirmed", "DEFEATED");
    }

    @Test
    @Order(6)
    void aFalseDefeatIsReversed() throws Exception {
        String defeatId = JsonPath.read(reportOnceKnown("falseDefeat", "lost-2", "AT_RISK", "GAVE_UP").body(),
                "$.defeatId");
        HttpResponse<String> reversed = call("POST", "/api/defeats/" + defeatId + "/callbacks", dealerKey,
                CALLBACK.formatted("FALSE_DEFEAT"));
        assertThat(reversed.statusCode()).as(reversed.body()).isEqualTo(200);
        assertThat((String) JsonPath.read(reversed.body(), "$.state")).isEqualTo("REVERSED");
        expectedStatus.put("falseDefeat", "OPEN");
    }

    @Test
    @Order(7)
    void threeUnreachableCallbacksConfirmTheLossAsLostContact() throws Exception {
        String defeatId = JsonPath.read(reportOnceKnown("unreachable", "lost-3", "DEFEATED", "BOUGHT_COMPETITOR").body(),
                "$.defeatId");
        HttpResponse<String> callback = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            callback = call("POST", "/api/defeats/" + defeatId + "/callbacks", dealerKey, CALLBACK.formatted("UNREACHABLE"));
            assertThat(callback.statusCode()).as(callback.body()).isEqualTo(200);
            assertThat((Integer) JsonPath.read(callback.body(), "$.attempts")).isEqualTo(attempt);
            assertThat((String) JsonPath.read(callback.body(), "$.state"))
                    .isEqualTo(attempt < 3 ? "PENDING_CALLBACK" : "CONFIRMED");
        }
        assertThat((String) JsonPath.read(callback.body(), "$.kind")).isEqualTo("DEFEATED");
        assertThat((String) JsonPath.read(callback.body(), "$.subtype")).isEqualTo("LOST_CONTACT");
        expectedStatus.put("unreachable", "DEFEATED");
    }

    @Test
    @Order(8)
    void aConfirmedAtRiskReportIsListedAsSettled() throws Exception {
        String defeatId = JsonPath.read(reportOnceKnown("atRisk", "lost-4", "AT_RISK", "GAVE_UP").body(), "$.defeatId");
        assertThat(call("POST", "/api/defeats/" + defeatId + "/callbacks", dealerKey, CALLBACK.formatted("CONFIRMED"))
                .statusCode()).isEqualTo(200);
        expectedStatus.put("atRisk", "AT_RISK");

        HttpResponse<String> confirmed = call("GET", "/api/defeats?state=CONFIRMED", chifengManagerKey, null);
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat((Integer) JsonPath.read(confirmed.body(), "$.total")).isEqualTo(3);
        HttpResponse<String> due = call("GET", "/api/defeats/callbacks/due", dealerKey, null);
        assertThat((Integer) JsonPath.read(due.body(), "$.total")).isZero();
    }

    /**
     * Needs lead-service to apply radar.defeat.confirmed.v1 / reversed.v1 to the lead's status (built
     * on another branch): until both are merged this step fails, while the defeat side above passes.
     */
    @Test
    @Order(9)
    void leadStatusesFollowTheSettlementsOnceLeadServiceAppliesDefeatEvents() throws Exception {
        assertThat(leadStatusesWithin(STATUS_WITHIN)).isEqualTo(expectedStatus);
    }

    /** Reports once defeat-service has learned of the lead from radar.leads; until then the lead is unknown there (404). */
    private static HttpResponse<String> reportOnceKnown(String story, String externalRef, String kind, String subtype)
            throws Exception {
        String body = REPORT.formatted(leads.get(story), externalRef, kind, subtype);
        long deadline = System.nanoTime() + LEAD_KNOWN_WITHIN.toNanos();
        HttpResponse<String> response = call("POST", "/api/defeats", dealerKey, body);
        while (response.statusCode() == 404 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            response = call("POST", "/api/defeats", dealerKey, body);
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response;
    }

    /** The lead status of each story in {@link #expectedStatus} once they all match, or as they stand when the wait is over. */
    private static Map<String, String> leadStatusesWithin(Duration wait) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        Map<String, String> statuses = new LinkedHashMap<>();
        while (true) {
            for (String story : expectedStatus.keySet()) {
                HttpResponse<String> lead = call("GET", "/api/leads/" + leads.get(story), dealerKey, null);
                assertThat(lead.statusCode()).as(lead.body()).isEqualTo(200);
                statuses.put(story, JsonPath.read(lead.body(), "$.status"));
            }
            if (statuses.equals(expectedStatus) || System.nanoTime() > deadline) {
                return statuses;
            }
            Thread.sleep(200);
        }
    }

    private static HttpResponse<String> call(String method, String path, String apiKey, String json) throws Exception {
        return Gateway.call(stack, method, path, apiKey, json);
    }
}
