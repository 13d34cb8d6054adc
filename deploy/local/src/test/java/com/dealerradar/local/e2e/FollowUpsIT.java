package com.dealerradar.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

/**
 * Follow-ups as a user meets them, through the gateway on the real jars: leads posted to lead-service
 * reach followup-service by event, two dealers record follow-ups, each sees exactly its own due list,
 * and only HQ and ADMIN change the cadence. Time cannot be moved here; overdue and at-risk
 * announcements are covered by followup-service's own integration test.
 */
@SharedStack
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
    static String hohhotKey;
    static String jiningKey;
    static String hqKey;
    static String hohhotManagerKey;
    static String hotLead;
    static String coolLead;
    static String jiningLead;

    /**
     * Two dealers and their keys, three leads posted to lead-service, and one follow-up on each once
     * followup-service has heard of the lead.
     */
    @BeforeAll
    static void setUpDealersLeadsAndFollowUps(LocalStack shared) throws Exception {
        stack = shared;
        assertThat(call("POST", "/api/dealers", stack.adminKey(),
                "{\"dealerId\": \"D-HH-01\", \"name\": \"Hohhot Motors\", \"region\": \"Hohhot\", \"brand\": \"Changan\"}")
                .statusCode()).isEqualTo(201);
        assertThat(call("POST", "/api/dealers", stack.adminKey(),
                "{\"dealerId\": \"D-JN-01\", \"name\": \"Jining Motors\", \"region\": \"Jining\", \"brand\": \"Changan\"}")
                .statusCode()).isEqualTo(201);
        hohhotKey = Gateway.issueKey(stack, "{\"role\": \"DEALER\", \"dealerId\": \"D-HH-01\", \"label\": \"Hohhot DMS\"}");
        jiningKey = Gateway.issueKey(stack, "{\"role\": \"DEALER\", \"dealerId\": \"D-JN-01\", \"label\": \"Jining DMS\"}");
        hqKey = Gateway.issueKey(stack, "{\"role\": \"HQ\", \"label\": \"HQ dashboard\"}");
        hohhotManagerKey = Gateway.issueKey(stack, "{\"role\": \"REGION_MANAGER\", \"region\": \"Hohhot\", \"label\": \"Hohhot manager\"}");

        hotLead = lead(hohhotKey, "D-HH-01", "crm-hot", NOW.minus(Duration.ofHours(2)), "H", "1111");
        coolLead = lead(hohhotKey, "D-HH-01", "crm-cool", NOW.minus(Duration.ofHours(3)), "C", "2222");
        jiningLead = lead(jiningKey, "D-JN-01", "crm-jn", NOW.minus(Duration.ofHours(4)), "A", "3333");
        awaitKnownToTheFollowUpService();

        assertThat(call("POST", "/api/follow-ups", hohhotKey, reachedCoolLead()).statusCode()).isEqualTo(201);
        assertThat(call("POST", "/api/follow-ups", hohhotKey, FOLLOW_UP.formatted(hotLead, "fu-hot-1",
                iso(NOW.minus(Duration.ofMinutes(90))), "NOT_REACHED")).statusCode()).isEqualTo(201);
        assertThat(call("POST", "/api/follow-ups", jiningKey, FOLLOW_UP.formatted(jiningLead, "fu-jn-1",
                iso(NOW.minus(Duration.ofHours(2))), "APPOINTMENT_SET")).statusCode()).isEqualTo(201);
    }

    @Test
    void leadsPostedToLeadServiceBecomeKnownToTheFollowUpService() throws Exception {
        HttpResponse<String> listed = call("GET", "/api/follow-ups?leadId=" + jiningLead, jiningKey, null);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertThat((List<String>) JsonPath.read(listed.body(), "$.items[*].externalRef")).containsExactly("fu-jn-1");
    }

    @Test
    void aFollowUpIsRecordedOncePerExternalRef() throws Exception {
        HttpResponse<String> again = call("POST", "/api/follow-ups", hohhotKey, reachedCoolLead());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat((Boolean) JsonPath.read(again.body(), "$.reached")).isTrue();
        String followUpId = JsonPath.read(again.body(), "$.followUpId");
        assertThat(call("POST", "/api/follow-ups", hohhotKey, reachedCoolLead().replace("\"REACHED\"", "\"DECLINED\""))
                .statusCode()).isEqualTo(409);

        HttpResponse<String> listed = call("GET", "/api/follow-ups?leadId=" + coolLead, hohhotKey, null);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat((List<String>) JsonPath.read(listed.body(), "$.items[*].externalRef")).containsExactly("fu-cool-1");
        assertThat((List<String>) JsonPath.read(listed.body(), "$.items[*].followUpId")).containsExactly(followUpId);
    }

    @Test
    void eachDealersDueListHoldsExactlyItsLeadsInDueOrder() throws Exception {
        String until = "?until=" + NOW.plus(Duration.ofDays(30));
        HttpResponse<String> hohhot = call("GET", "/api/follow-ups/due" + until, hohhotKey, null);
        assertThat(hohhot.statusCode()).as(hohhot.body()).isEqualTo(200);
        assertThat((List<String>) JsonPath.read(hohhot.body(), "$.items[*].leadId")).containsExactly(hotLead, coolLead);
        assertThat((String) JsonPath.read(hohhot.body(), "$.items[0].dueAt"))
                .isEqualTo(iso(NOW.minus(Duration.ofHours(2)).plus(Duration.ofDays(1))));
        assertThat((String) JsonPath.read(hohhot.body(), "$.items[1].dueAt"))
                .isEqualTo(iso(NOW.minus(Duration.ofHours(1)).plus(Duration.ofDays(14))));
        assertThat((String) JsonPath.read(hohhot.body(), "$.items[1].lastReachedAt"))
                .isEqualTo(iso(NOW.minus(Duration.ofHours(1))));
        assertThat((List<Boolean>) JsonPath.read(hohhot.body(), "$.items[*].overdue")).containsOnly(false);

        HttpResponse<String> jining = call("GET", "/api/follow-ups/due" + until, jiningKey, null);
        assertThat((List<String>) JsonPath.read(jining.body(), "$.items[*].leadId")).containsExactly(jiningLead);
        assertThat((String) JsonPath.read(jining.body(), "$.items[0].dueAt"))
                .isEqualTo(iso(NOW.minus(Duration.ofHours(2)).plus(Duration.ofDays(3))));

        HttpResponse<String> dueNow = call("GET", "/api/follow-ups/due", hohhotKey, null);
        assertThat((Integer) JsonPath.read(dueNow.body(), "$.total")).isZero();

        HttpResponse<String> manager = call("GET", "/api/follow-ups/due" + until, hohhotManagerKey, null);
        assertThat((List<String>) JsonPath.read(manager.body(), "$.items[*].leadId")).containsExactly(hotLead, coolLead);
        HttpResponse<String> hq = call("GET", "/api/follow-ups/due" + until + "&dealerId=D-JN-01", hqKey, null);
        assertThat((List<String>) JsonPath.read(hq.body(), "$.items[*].leadId")).containsExactly(jiningLead);
        HttpResponse<String> candidates = call("GET", "/api/follow-ups/at-risk-candidates", hohhotKey, null);
        assertThat(candidates.statusCode()).isEqualTo(200);
        assertThat((Integer) JsonPath.read(candidates.body(), "$.total")).isZero();
    }

    @Test
    void nobodyReachesAnotherDealersLeadsOrLists() throws Exception {
        HttpResponse<String> foreignPost = call("POST", "/api/follow-ups", jiningKey,
                FOLLOW_UP.formatted(hotLead, "fu-probe", iso(NOW), "REACHED"));
        assertThat(foreignPost.statusCode()).isEqualTo(404);
        assertThat(foreignPost.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(call("GET", "/api/follow-ups?leadId=" + hotLead, jiningKey, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/follow-ups/due?dealerId=D-JN-01", hohhotKey, null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/follow-ups/due?region=Jining", hohhotManagerKey, null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/follow-ups/due?dealerId=D-JN-01", hohhotManagerKey, null).statusCode())
                .isEqualTo(403);
        assertThat(call("POST", "/api/follow-ups", hqKey, FOLLOW_UP.formatted(hotLead, "fu-hq", iso(NOW), "REACHED"))
                .statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/follow-ups/due", null, null).statusCode()).isEqualTo(401);

        HttpResponse<String> badEnum = call("POST", "/api/follow-ups", hohhotKey,
                FOLLOW_UP.formatted(hotLead, "fu-bad", iso(NOW), "REACHED").replace("\"CALL\"", "\"PIGEON\""));
        assertThat(badEnum.statusCode()).isEqualTo(400);
        assertThat((List<String>) JsonPath.read(badEnum.body(), "$.errors[*].field")).containsExactly("type");
        HttpResponse<String> future = call("POST", "/api/follow-ups", hohhotKey,
                FOLLOW_UP.formatted(hotLead, "fu-future", iso(Instant.now().plus(Duration.ofHours(1))), "REACHED"));
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat((List<String>) JsonPath.read(future.body(), "$.errors[*].field")).containsExactly("occurredAt");
        HttpResponse<String> hot = call("GET", "/api/follow-ups?leadId=" + hotLead, hohhotKey, null);
        assertThat((List<String>) JsonPath.read(hot.body(), "$.items[*].externalRef")).containsExactly("fu-hot-1");
    }

    @Test
    void onlyHqAndAdminChangeTheCadenceAndItReplansOpenLeads() throws Exception {
        String slowerH = """
                {"grades": {"H": {"intervalDays": 2, "windowDays": 7}, "A": {"intervalDays": 3, "windowDays": 15},
                            "B": {"intervalDays": 7, "windowDays": 30}, "C": {"intervalDays": 14, "windowDays": 90}}}
                """;
        HttpResponse<String> read = call("GET", "/api/follow-ups/cadence", hohhotKey, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat((Integer) JsonPath.read(read.body(), "$.grades.H.intervalDays")).isEqualTo(1);
        assertThat(call("PUT", "/api/follow-ups/cadence", hohhotKey, slowerH).statusCode()).isEqualTo(403);
        HttpResponse<String> invalid = call("PUT", "/api/follow-ups/cadence", hqKey, slowerH.replace(
                "\"windowDays\": 7", "\"windowDays\": 1"));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat((List<String>) JsonPath.read(invalid.body(), "$.errors[*].field")).containsExactly("grades.H.windowDays");

        // The cadence is the group's: put it back, so that the due dates other tests read do not depend on the order.
        String asItWas = "{\"grades\": " + new ObjectMapper().readTree(read.body()).get("grades") + "}";
        try {
            HttpResponse<String> changed = call("PUT", "/api/follow-ups/cadence", hqKey, slowerH);
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
            assertThat((Integer) JsonPath.read(changed.body(), "$.grades.H.intervalDays")).isEqualTo(2);
            HttpResponse<String> hohhot = call("GET", "/api/follow-ups/due?until=" + NOW.plus(Duration.ofDays(30)),
                    hohhotKey, null);
            assertThat((List<String>) JsonPath.read(hohhot.body(), "$.items[*].leadId")).containsExactly(hotLead, coolLead);
            assertThat((String) JsonPath.read(hohhot.body(), "$.items[0].dueAt"))
                    .isEqualTo(iso(NOW.minus(Duration.ofHours(2)).plus(Duration.ofDays(2))));
        } finally {
            HttpResponse<String> restored = call("PUT", "/api/follow-ups/cadence", hqKey, asItWas);
            assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
        }
    }

    private static String reachedCoolLead() {
        return FOLLOW_UP.formatted(coolLead, "fu-cool-1", iso(NOW.minus(Duration.ofHours(1))), "REACHED");
    }

    private static void awaitKnownToTheFollowUpService() throws Exception {
        for (String[] keyAndLead : new String[][] {{hohhotKey, hotLead}, {hohhotKey, coolLead}, {jiningKey, jiningLead}}) {
            HttpResponse<String> known = awaitStatus(200, Duration.ofSeconds(15),
                    () -> call("GET", "/api/follow-ups?leadId=" + keyAndLead[1], keyAndLead[0], null));
            assertThat((Integer) JsonPath.read(known.body(), "$.total")).isZero();
        }
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

    private static HttpResponse<String> awaitStatus(int status, Duration wait, Call call) {
        return await("HTTP " + status).atMost(wait).pollInterval(Duration.ofMillis(200))
                .until(call::send, response -> response.statusCode() == status);
    }

    private static HttpResponse<String> call(String method, String path, String apiKey, String json) throws Exception {
        return Gateway.call(stack, method, path, apiKey, json);
    }
}
