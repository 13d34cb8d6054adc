package com.dealerradar.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Follow-ups as a user meets them, through the gateway on the real jars: leads posted to lead-service
 * reach followup-service by event, two dealers record follow-ups, each sees exactly its own due list,
 * and only HQ and ADMIN change the cadence. Time cannot be moved here; overdue and at-risk
 * announcements are covered by followup-service's own integration test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FollowUpsIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String LEAD = """
            {"dealerId": "%s", "externalRef": "%s", "occurredAt": "%s", "channel": "SHOWROOM", "grade": "%s",
             "contactRetained": true, "model": "CS75 PLUS", "consultant": "wang.li",
             "customer": {"kind": "INDIVIDUAL", "name": "Li Lei", "phone": "1380000%s"}}
            """;
    private static final String FOLLOW_UP = """
            {"leadId": "%s", "externalRef": "%s", "occurredAt": "%s", "type": "CALL", "outcome": "%s",
             "note": "asked for a test drive", "consultant": "wang.li"}
            """;

    static LocalStack stack;
    static String chifengKey;
    static String baotouKey;
    static String hqKey;
    static String chifengManagerKey;
    static String hotLead;
    static String coolLead;
    static String baotouLead;

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
    void anAdminRegistersTwoDealersAndIssuesKeys() throws Exception {
        assertThat(call("POST", "/api/dealers", stack.adminKey(),
                "{\"dealerId\": \"D-CF-01\", \"name\": \"Chifeng Motors\", \"region\": \"Chifeng\", \"brand\": \"Changan\"}")
                .statusCode()).isEqualTo(201);
        assertThat(call("POST", "/api/dealers", stack.adminKey(),
                "{\"dealerId\": \"D-BT-01\", \"name\": \"Baotou Motors\", \"region\": \"Baotou\", \"brand\": \"Changan\"}")
                .statusCode()).isEqualTo(201);
        chifengKey = Gateway.issueKey(stack, "{\"role\": \"DEALER\", \"dealerId\": \"D-CF-01\", \"label\": \"Chifeng DMS\"}");
        baotouKey = Gateway.issueKey(stack, "{\"role\": \"DEALER\", \"dealerId\": \"D-BT-01\", \"label\": \"Baotou DMS\"}");
        hqKey = Gateway.issueKey(stack, "{\"role\": \"HQ\", \"label\": \"HQ dashboard\"}");
        chifengManagerKey = Gateway.issueKey(stack, "{\"role\": \"REGION_MANAGER\", \"region\": \"Chifeng\", \"label\": \"Chifeng manager\"}");
    }

    @Test
    @Order(2)
    void leadsPostedToLeadServiceBecomeKnownToTheFollowUpService() throws Exception {
        hotLead = lead(chifengKey, "D-CF-01", "crm-hot", NOW.minus(Duration.ofHours(2)), "H", "1111");
        coolLead = lead(chifengKey, "D-CF-01", "crm-cool", NOW.minus(Duration.ofHours(3)), "C", "2222");
        baotouLead = lead(baotouKey, "D-BT-01", "crm-bt", NOW.minus(Duration.ofHours(4)), "A", "3333");
        for (String[] keyAndLead : new String[][] {{chifengKey, hotLead}, {chifengKey, coolLead}, {baotouKey, baotouLead}}) {
            HttpResponse<String> known = awaitStatus(200, Duration.ofSeconds(15),
                    () -> call("GET", "/api/follow-ups?leadId=" + keyAndLead[1], keyAndLead[0], null));
            assertThat((Integer) JsonPath.read(known.body(), "$.total")).isZero();
        }
    }

    @Test
    @Order(3)
    void twoDealersRecordFollowUpsOncePerExternalRef() throws Exception {
        String reached = FOLLOW_UP.formatted(coolLead, "fu-cool-1", iso(NOW.minus(Duration.ofHours(1))), "REACHED");
        HttpResponse<String> created = call("POST", "/api/follow-ups", chifengKey, reached);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String followUpId = JsonPath.read(created.body(), "$.followUpId");
        assertThat((Boolean) JsonPath.read(created.body(), "$.reached")).isTrue();

        HttpResponse<String> again = call("POST", "/api/follow-ups", chifengKey, reached);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(again.body(), "$.followUpId")).isEqualTo(followUpId);
        assertThat(call("POST", "/api/follow-ups", chifengKey, reached.replace("\"REACHED\"", "\"DECLINED\""))
                .statusCode()).isEqualTo(409);

        assertThat(call("POST", "/api/follow-ups", chifengKey, FOLLOW_UP.formatted(hotLead, "fu-hot-1",
                iso(NOW.minus(Duration.ofMinutes(90))), "NOT_REACHED")).statusCode()).isEqualTo(201);
        assertThat(call("POST", "/api/follow-ups", baotouKey, FOLLOW_UP.formatted(baotouLead, "fu-bt-1",
                iso(NOW.minus(Duration.ofHours(2))), "APPOINTMENT_SET")).statusCode()).isEqualTo(201);

        HttpResponse<String> listed = call("GET", "/api/follow-ups?leadId=" + coolLead, chifengKey, null);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat((List<String>) JsonPath.read(listed.body(), "$.items[*].externalRef")).containsExactly("fu-cool-1");
    }

    @Test
    @Order(4)
    void eachDealersDueListHoldsExactlyItsLeadsInDueOrder() throws Exception {
        String until = "?until=" + NOW.plus(Duration.ofDays(30));
        HttpResponse<String> chifeng = call("GET", "/api/follow-ups/due" + until, chifengKey, null);
        assertThat(chifeng.statusCode()).as(chifeng.body()).isEqualTo(200);
        assertThat((List<String>) JsonPath.read(chifeng.body(), "$.items[*].leadId")).containsExactly(hotLead, coolLead);
        assertThat((String) JsonPath.read(chifeng.body(), "$.items[0].dueAt"))
                .isEqualTo(iso(NOW.minus(Duration.ofHours(2)).plus(Duration.ofDays(1))));
        assertThat((String) JsonPath.read(chifeng.body(), "$.items[1].dueAt"))
                .isEqualTo(iso(NOW.minus(Duration.ofHours(1)).plus(Duration.ofDays(14))));
        assertThat((String) JsonPath.read(chifeng.body(), "$.items[1].lastReachedAt"))
                .isEqualTo(iso(NOW.minus(Duration.ofHours(1))));
        assertThat((List<Boolean>) JsonPath.read(chifeng.body(), "$.items[*].overdue")).containsOnly(false);

        HttpResponse<String> baotou = call("GET", "/api/follow-ups/due" + until, baotouKey, null);
        assertThat((List<String>) JsonPath.read(baotou.body(), "$.items[*].leadId")).containsExactly(baotouLead);
        assertThat((String) JsonPath.read(baotou.body(), "$.items[0].dueAt"))
                .isEqualTo(iso(NOW.minus(Duration.ofHours(2)).plus(Duration.ofDays(3))));

        HttpResponse<String> dueNow = call("GET", "/api/follow-ups/due", chifengKey, null);
        assertThat((Integer) JsonPath.read(dueNow.body(), "$.total")).isZero();

        HttpResponse<String> manager = call("GET", "/api/follow-ups/due" + until, chifengManagerKey, null);
        assertThat((List<String>) JsonPath.read(manager.body(), "$.items[*].leadId")).containsExactly(hotLead, coolLead);
        HttpResponse<String> hq = call("GET", "/api/follow-ups/due" + until + "&dealerId=D-BT-01", hqKey, null);
        assertThat((List<String>) JsonPath.read(hq.body(), "$.items[*].leadId")).containsExactly(baotouLead);
        HttpResponse<String> candidates = call("GET", "/api/follow-ups/at-risk-candidates", chifengKey, null);
        assertThat(candidates.statusCode()).isEqualTo(200);
        assertThat((Integer) JsonPath.read(candidates.body(), "$.total")).isZero();
    }

    @Test
    @Order(5)
    void nobodyReachesAnotherDealersLeadsOrLists() throws Exception {
        HttpResponse<String> foreignPost = call("POST", "/api/follow-ups", baotouKey,
                FOLLOW_UP.formatted(hotLead, "fu-probe", iso(NOW), "REACHED"));
        assertThat(foreignPost.statusCode()).isEqualTo(404);
        assertThat(foreignPost.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(call("GET", "/api/follow-ups?leadId=" + hotLead, baotouKey, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/follow-ups/due?dealerId=D-BT-01", chifengKey, null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/follow-ups/due?region=Baotou", chifengManagerKey, null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/follow-ups/due?dealerId=D-BT-01", chifengManagerKey, null).statusCode())
                .isEqualTo(403);
        assertThat(call("POST", "/api/follow-ups", hqKey, FOLLOW_UP.formatted(hotLead, "fu-hq", iso(NOW), "REACHED"))
                .statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/follow-ups/due", null, null).statusCode()).isEqualTo(401);

        HttpResponse<String> badEnum = call("POST", "/api/follow-ups", chifengKey,
                FOLLOW_UP.formatted(hotLead, "fu-bad", iso(NOW), "REACHED").replace("\"CALL\"", "\"PIGEON\""));
        assertThat(badEnum.statusCode()).isEqualTo(400);
        assertThat((List<String>) JsonPath.read(badEnum.body(), "$.errors[*].field")).containsExactly("type");
        HttpResponse<String> future = call("POST", "/api/follow-ups", chifengKey,
                FOLLOW_UP.formatted(hotLead, "fu-future", iso(Instant.now().plus(Duration.ofHours(1))), "REACHED"));
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat((List<String>) JsonPath.read(future.body(), "$.errors[*].field")).containsExactly("occurredAt");
        HttpResponse<String> hot = call("GET", "/api/follow-ups?leadId=" + hotLead, chifengKey, null);
        assertThat((List<String>) JsonPath.read(hot.body(), "$.items[*].externalRef")).containsExactly("fu-hot-1");
    }

    @Test
    @Order(6)
    void onlyHqAndAdminChangeTheCadenceAndItReplansOpenLeads() throws Exception {
        String slowerH = """
                {"grades": {"H": {"intervalDays": 2, "windowDays": 7}, "A": {"intervalDays": 3, "windowDays": 15},
                            "B": {"intervalDays": 7, "windowDays": 30}, "C": {"intervalDays": 14, "windowDays": 90}}}
                """;
        HttpResponse<String> read = call("GET", "/api/follow-ups/cadence", chifengKey, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat((Integer) JsonPath.read(read.body(), "$.grades.H.intervalDays")).isEqualTo(1);
        assertThat(call("PUT", "/api/follow-ups/cadence", chifengKey, slowerH).statusCode()).isEqualTo(403);
        HttpResponse<String> invalid = call("PUT", "/api/follow-ups/cadence", hqKey, slowerH.replace(
                "\"windowDays\": 7", "\"windowDays\": 1"));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat((List<String>) JsonPath.read(invalid.body(), "$.errors[*].field")).containsExactly("grades.H.windowDays");

        HttpResponse<String> changed = call("PUT", "/api/follow-ups/cadence", hqKey, slowerH);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat((Integer) JsonPath.read(changed.body(), "$.grades.H.intervalDays")).isEqualTo(2);
        HttpResponse<String> chifeng = call("GET", "/api/follow-ups/due?until=" + NOW.plus(Duration.ofDays(30)),
                chifengKey, null);
        assertThat((List<String>) JsonPath.read(chifeng.body(), "$.items[*].leadId")).containsExactly(hotLead, coolLead);
        assertThat((String) JsonPath.read(chifeng.body(), "$.items[0].dueAt"))
                .isEqualTo(iso(NOW.minus(Duration.ofHours(2)).plus(Duration.ofDays(2))));
    }

    private static String lead(String apiKey, String dealerId, String externalRef, Instant occurredAt, String grade,
            String phoneEnd) throws Exception {
        HttpResponse<String> created = call("POST", "/api/leads", apiKey,
                LEAD.formatted(dealerId, externalRef, iso(occurredAt), grade, phoneEnd));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JsonPath.read(created.body(), "$.leadId");
    }

    /** As the services write timestamps: in the group's zone, seconds always shown. */
    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(instant, SHANGHAI));
    }

    @FunctionalInterface
    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    private static HttpResponse<String> awaitStatus(int status, Duration wait, Call call) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        HttpResponse<String> response = call.send();
        while (response.statusCode() != status && System.nanoTime() < deadline) {
            Thread.sleep(200);
            response = call.send();
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }

    private static HttpResponse<String> call(String method, String path, String apiKey, String json) throws Exception {
        return Gateway.call(stack, method, path, apiKey, json);
    }
}
