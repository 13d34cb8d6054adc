package com.dealerradar.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.local.e2e.fuzz.BadRequests;
import com.dealerradar.local.e2e.fuzz.Endpoint;
import com.dealerradar.local.e2e.fuzz.FuzzRun;
import com.dealerradar.local.e2e.fuzz.Kind;
import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile input through the gateway on the real jars: every endpoint that takes input (43 of them,
 * 64,500 requests) gets at least 1,500 generated bad requests (one field, the body, a query parameter or a path
 * part broken at a time; see {@link Kind} for the values), and every answer must be a 4xx problem+json
 * (a broken batch item: that item REJECTED), none a 5xx, and the stored state must be what it was
 * before. The generator is seeded ({@code -Dradar.fuzz.seed}, default 13) and prints its counts.
 * Left out, since they take nothing but the key: {@code GET /api/me}, {@code GET /api/follow-ups/cadence},
 * {@code GET /api/analytics/rebuild} (the latest) and {@code POST /api/analytics/rebuild}, whose one
 * valid request would start a rebuild.
 * <p>
 * It runs on the shared stack: the state it compares is its own dealers' leads, follow-ups, losses and
 * figures, and the lists that only requests change (dealers, keys, the cadence, findings), since the
 * detectors may still act on what the classes before it left.
 */
@SharedStack
class HostileInputIT {

    private static final long SEED = Long.getLong("radar.fuzz.seed", 13L);
    private static final int PER_ENDPOINT = Integer.getInteger("radar.fuzz.per-endpoint", 1_500);
    private static final int PARALLEL = Integer.getInteger("radar.fuzz.parallel", 8);
    // Times relative to now, so that no fixture lead is overdue or past its window while the suite runs:
    // the at-risk detector would open cases of its own, and the stored state must change only by request.
    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
    private static final String LEAD_AT = NOW.minusHours(3).toString();
    private static final String AT = NOW.minusHours(2).toString();
    private static final String LOST_AT = NOW.minusHours(1).toString();
    private static final String CALLED_AT = NOW.minusMinutes(30).toString();
    private static final String DUE_DATE = NOW.toLocalDate().plusDays(14).toString();
    // The waves' range may span at most 92 days, so it moves with the day the suite runs.
    private static final String WAVES_FROM = NOW.toLocalDate().minusDays(30).toString();
    private static final String FINDING_ID = Gateway.missedProspectId("Chifeng", "JUSTICE");
    private static final String ASSIGNMENT = """
            {"finding": {"kind": "MISSED_PROSPECT", "region": "Chifeng", "dimension": "industry", "value": "JUSTICE"},
             "owner": {"dealerId": "D-FZ-01"}, "dueDate": "%s", "note": "start with the Songshan court"}"""
            .formatted(DUE_DATE);
    private static final String OUTCOME = """
            {"outcome": "VISITED", "at": "%s", "externalRef": "fo-fz-1"}""".formatted(AT);

    private static final String LEAD = """
            {"dealerId": "D-FZ-01", "externalRef": "%s", "occurredAt": "%s",
             "channel": "SHOWROOM", "grade": "A", "contactRetained": true, "model": "CS75 PLUS",
             "consultant": "wang.li",
             "customer": {"kind": "ORGANIZATION", "name": "Chifeng Power Supply Co.", "phone": "%s",
                          "industry": "POWER_UTILITY", "organization": "Chifeng Power Supply Co."}}
            """;

    static LocalStack stack;
    static String dealerKey;
    static String hqKey;
    static String leadId;
    static String defeatId;
    static String reportableLeadId;

    @BeforeAll
    static void postOneOfEverything(LocalStack shared) throws Exception {
        stack = shared;
        for (String dealer : List.of("D-FZ-01:Chifeng", "D-FZ-02:Baotou")) {
            String[] parts = dealer.split(":");
            assertThat(call("POST", "/api/dealers", stack.adminKey(), """
                    {"dealerId": "%s", "name": "%s Motors", "region": "%s", "brand": "Changan"}
                    """.formatted(parts[0], parts[1], parts[1])).statusCode()).isEqualTo(201);
        }
        dealerKey = Gateway.issueKey(stack, "{\"role\": \"DEALER\", \"dealerId\": \"D-FZ-01\", \"label\": \"FZ-01 DMS\"}");
        hqKey = Gateway.issueKey(stack, "{\"role\": \"HQ\", \"label\": \"HQ\"}");
        leadId = created(call("POST", "/api/leads", dealerKey, LEAD.formatted("fz-1", LEAD_AT, "13800005678")), "$.leadId");
        String lostLeadId = created(call("POST", "/api/leads", dealerKey, LEAD.formatted("fz-2", LEAD_AT, "13800005679")), "$.leadId");
        reportableLeadId = created(call("POST", "/api/leads", dealerKey, LEAD.formatted("fz-3", LEAD_AT, "13800005670")), "$.leadId");
        awaitStatus("POST", "/api/follow-ups", dealerKey, followUp("fu-fz-1"), 200, 201);
        defeatId = JsonPath.read(awaitStatus("POST", "/api/defeats", dealerKey, defeat(lostLeadId, "lost-fz-1"), 201)
                .body(), "$.defeatId");
        assertThat(call("PUT", "/api/analytics/spend/D-FZ-01/2026-11", hqKey,
                "{\"total\": 1000, \"byChannel\": {\"ONLINE\": 500}}").statusCode()).isEqualTo(200);
        // Assigned and visited once, so that the finding endpoints have one of their own; their valid requests
        // below repeat these two and change nothing.
        awaitStatus("PUT", "/api/analytics/findings/" + FINDING_ID + "/assignment", hqKey, ASSIGNMENT, 200);
        assertThat(call("POST", "/api/analytics/findings/" + FINDING_ID + "/outcomes", hqKey, OUTCOME).statusCode())
                .isEqualTo(200);
    }

    @Test
    void everyEndpointRefusesEveryBadRequestWithAProblemAndNothingChanges() throws Exception {
        Map<String, String> before = settledState();
        List<Endpoint> endpoints = endpoints();
        try (FuzzRun run = new FuzzRun(stack.gatewayUrl(), PARALLEL)) {
            long started = System.nanoTime();
            for (Endpoint endpoint : endpoints) {
                run.send(new BadRequests(endpoint, SEED).next(PER_ENDPOINT));
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.println(run.report(SEED) + "  took " + took.toSeconds() + " s");

            assertThat(run.failures()).as("%d of %d answers broke the contract", run.failed(), run.sent()).isEmpty();
            assertThat(run.countsByEndpoint()).hasSize(endpoints.size())
                    .allSatisfy((endpoint, count) -> assertThat(count).as(endpoint).isGreaterThanOrEqualTo(1_500));
        }
        assertThat(settledState()).isEqualTo(before);
    }

    private static List<Endpoint> endpoints() throws Exception {
        String cadence = call("GET", "/api/follow-ups/cadence", hqKey, null).body();
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(lead(Endpoint.send("POST", "/api/leads", dealerKey, LEAD.formatted("fz-new", LEAD_AT, "13700001111")))
                .build("POST /api/leads"));
        endpoints.add(lead(Endpoint.send("POST", "/api/leads/batch", dealerKey,
                "{\"items\": [" + LEAD.formatted("fz-batch", LEAD_AT, "13700001112") + "]}")).batchItems()
                .build("POST /api/leads/batch"));
        endpoints.add(Endpoint.get("/api/leads", dealerKey).param("dealerId", null, Kind.SCOPE_PARAM)
                .param("region", null, Kind.SCOPE_PARAM).param("status", "OPEN", Kind.ENUM_PARAM)
                .param("grade", null, Kind.ENUM_PARAM).param("channel", null, Kind.ENUM_PARAM)
                .param("industry", null, Kind.ENUM_PARAM).param("from", "2026-11-01", Kind.DATE_PARAM)
                .param("to", null, Kind.DATE_PARAM).param("page", null, Kind.PAGE_PARAM)
                .param("size", null, Kind.SIZE_PARAM).build("GET /api/leads"));
        endpoints.add(Endpoint.get("/api/leads/{leadId}", dealerKey).part("leadId", leadId, Kind.ID_PATH)
                .build("GET /api/leads/{leadId}"));
        endpoints.add(Endpoint.send("POST", "/api/leads/{leadId}/grade", dealerKey,
                "{\"grade\": \"H\", \"occurredAt\": \"" + AT + "\"}").part("leadId", leadId, Kind.ID_PATH)
                .requiredField("grade", Kind.ENUM).requiredField("occurredAt", Kind.TIME)
                .build("POST /api/leads/{leadId}/grade"));
        endpoints.add(Endpoint.send("POST", "/api/leads/{leadId}/contact", dealerKey,
                "{\"occurredAt\": \"" + AT + "\"}").part("leadId", leadId, Kind.ID_PATH)
                .requiredField("occurredAt", Kind.TIME).build("POST /api/leads/{leadId}/contact"));
        endpoints.add(Endpoint.send("POST", "/api/leads/{leadId}/deal", dealerKey,
                "{\"occurredAt\": \"" + AT + "\", \"model\": \"CS75 PLUS\", \"price\": 129900}")
                .part("leadId", leadId, Kind.ID_PATH).requiredField("occurredAt", Kind.TIME).field("model", Kind.TEXT)
                .field("price", Kind.AMOUNT).build("POST /api/leads/{leadId}/deal"));
        endpoints.add(Endpoint.send("POST", "/api/leads/{leadId}/invalid", dealerKey,
                "{\"occurredAt\": \"" + AT + "\", \"reason\": \"DUPLICATE\"}").part("leadId", leadId, Kind.ID_PATH)
                .requiredField("occurredAt", Kind.TIME).requiredField("reason", Kind.ENUM)
                .build("POST /api/leads/{leadId}/invalid"));

        endpoints.add(Endpoint.send("POST", "/api/follow-ups", dealerKey, followUp("fu-fz-new"))
                .requiredField("leadId", Kind.TEXT).requiredField("externalRef", Kind.TEXT)
                .requiredField("occurredAt", Kind.TIME).requiredField("type", Kind.ENUM)
                .requiredField("outcome", Kind.ENUM).field("note", Kind.TEXT).field("consultant", Kind.TEXT)
                .build("POST /api/follow-ups"));
        endpoints.add(paged(Endpoint.get("/api/follow-ups", dealerKey).param("leadId", leadId, Kind.SCOPE_PARAM))
                .build("GET /api/follow-ups"));
        endpoints.add(paged(scoped(Endpoint.get("/api/follow-ups/due", dealerKey))
                .param("until", null, Kind.INSTANT_PARAM)).build("GET /api/follow-ups/due"));
        endpoints.add(paged(scoped(Endpoint.get("/api/follow-ups/at-risk-candidates", dealerKey)))
                .build("GET /api/follow-ups/at-risk-candidates"));
        Endpoint.Builder cadenceChange = Endpoint.send("PUT", "/api/follow-ups/cadence", hqKey, cadence)
                .requiredField("grades", Kind.OBJECT);
        for (String grade : List.of("H", "A", "B", "C")) {
            cadenceChange.requiredField("grades." + grade, Kind.OBJECT)
                    .field("grades." + grade + ".intervalDays", Kind.DAYS)
                    .field("grades." + grade + ".windowDays", Kind.DAYS);
        }
        endpoints.add(cadenceChange.build("PUT /api/follow-ups/cadence"));

        endpoints.add(Endpoint.send("POST", "/api/defeats", dealerKey, defeat(reportableLeadId, "lost-fz-new"))
                .requiredField("leadId", Kind.TEXT).requiredField("externalRef", Kind.TEXT)
                .requiredField("occurredAt", Kind.TIME).requiredField("kind", Kind.ENUM)
                .requiredField("subtype", Kind.ENUM).field("reasons", Kind.REASONS)
                .requiredField("competitorBrand", Kind.TEXT).field("competitorModel", Kind.TEXT)
                .field("note", Kind.TEXT).field("reportedBy", Kind.TEXT).build("POST /api/defeats"));
        endpoints.add(paged(scoped(Endpoint.get("/api/defeats", dealerKey)).param("state", null, Kind.ENUM_PARAM)
                .param("from", null, Kind.DATE_PARAM).param("to", "2026-12-31", Kind.DATE_PARAM))
                .build("GET /api/defeats"));
        endpoints.add(Endpoint.get("/api/defeats/{defeatId}", dealerKey).part("defeatId", defeatId, Kind.ID_PATH)
                .build("GET /api/defeats/{defeatId}"));
        endpoints.add(paged(scoped(Endpoint.get("/api/defeats/callbacks/due", dealerKey)))
                .build("GET /api/defeats/callbacks/due"));
        Endpoint.Builder callback = Endpoint.send("POST", "/api/defeats/{defeatId}/callbacks", dealerKey, """
                {"occurredAt": "%s", "outcome": "CONFIRMED", "actualReasons": ["SALES_EXPERIENCE"],
                 "boughtBrand": "Geely", "boughtModel": "Monjaro",
                 "ratings": {"reception": 4, "needsAnalysis": 2, "presentation": 3, "testDrive": 5,
                             "negotiation": 2, "followUp": 1},
                 "verbatim": "…", "by": "manager.zhao", "externalRef": "cb-fz"}""".formatted(CALLED_AT))
                .part("defeatId", defeatId, Kind.ID_PATH).requiredField("occurredAt", Kind.TIME)
                .requiredField("outcome", Kind.ENUM).field("actualReasons", Kind.REASONS)
                .field("boughtBrand", Kind.TEXT).field("boughtModel", Kind.TEXT).field("ratings", Kind.OBJECT)
                .field("verbatim", Kind.TEXT).field("by", Kind.TEXT).field("externalRef", Kind.TEXT);
        for (String step : List.of("reception", "needsAnalysis", "presentation", "testDrive", "negotiation", "followUp")) {
            callback.field("ratings." + step, Kind.RATING);
        }
        endpoints.add(callback.build("POST /api/defeats/{defeatId}/callbacks"));

        endpoints.add(Endpoint.send("PUT", "/api/analytics/spend/{dealerId}/{month}", dealerKey,
                "{\"total\": 1000, \"byChannel\": {\"ONLINE\": 500}}").part("dealerId", "D-FZ-01", Kind.ID_PATH)
                .part("month", "2026-11", Kind.MONTH_PATH).requiredField("total", Kind.AMOUNT)
                .field("byChannel", Kind.CHANNEL_AMOUNTS).build("PUT /api/analytics/spend/{dealerId}/{month}"));
        for (String read : List.of("structure", "channels", "defeats")) {
            endpoints.add(cohort(Endpoint.get("/api/analytics/" + read, hqKey)).build("GET /api/analytics/" + read));
        }
        endpoints.add(cohort(Endpoint.get("/api/analytics/funnel", hqKey)).param("groupBy", "region", Kind.ENUM_PARAM)
                .build("GET /api/analytics/funnel"));
        endpoints.add(cohort(Endpoint.get("/api/analytics/response-times", hqKey))
                .param("groupBy", "channel", Kind.ENUM_PARAM).build("GET /api/analytics/response-times"));
        endpoints.add(cohort(Endpoint.get("/api/analytics/comparison", hqKey))
                .param("dimension", "model", Kind.ENUM_PARAM).build("GET /api/analytics/comparison"));
        endpoints.add(Endpoint.get("/api/analytics/missed-prospects", hqKey).param("region", "Chifeng", Kind.SCOPE_PARAM)
                .param("dimension", "industry", Kind.ENUM_PARAM).param("limit", "5", Kind.LIMIT_PARAM)
                .param("from", null, Kind.DATE_PARAM).param("to", null, Kind.DATE_PARAM)
                .build("GET /api/analytics/missed-prospects"));
        endpoints.add(cohort(Endpoint.get("/api/analytics/dealers/benchmark", hqKey))
                .param("metric", "keepRate", Kind.ENUM_PARAM).build("GET /api/analytics/dealers/benchmark"));
        endpoints.add(cohort(Endpoint.get("/api/analytics/grade-calibration", hqKey))
                .build("GET /api/analytics/grade-calibration"));
        endpoints.add(Endpoint.get("/api/analytics/waves", hqKey).param("region", "Chifeng", Kind.SCOPE_PARAM)
                .param("from", WAVES_FROM, Kind.DATE_PARAM).param("to", null, Kind.DATE_PARAM)
                .param("windowDays", "30", Kind.LIMIT_PARAM).build("GET /api/analytics/waves"));
        endpoints.addAll(findingEndpoints());
        endpoints.add(Endpoint.get("/api/analytics/rebuild/{id}", stack.adminKey()).part("id", "no-such-rebuild", Kind.ID_PATH)
                .build("GET /api/analytics/rebuild/{id}"));
        endpoints.add(Endpoint.get("/api/admin/{service}/dead-letters", stack.adminKey())
                .part("service", "analytics-service", Kind.ID_PATH).param("limit", "5", Kind.LIMIT_PARAM)
                .build("GET /api/admin/{service}/dead-letters"));
        // Only the path can be broken here; the valid request itself (which would re-drive) is never sent.
        endpoints.add(Endpoint.send("POST", "/api/admin/{service}/dead-letters/redrive", stack.adminKey(), null)
                .part("service", "analytics-service", Kind.ID_PATH)
                .build("POST /api/admin/{service}/dead-letters/redrive"));

        endpoints.add(paged(Endpoint.get("/api/dealers", hqKey)).build("GET /api/dealers"));
        endpoints.add(Endpoint.get("/api/dealers/{dealerId}", hqKey).part("dealerId", "D-FZ-01", Kind.ID_PATH)
                .build("GET /api/dealers/{dealerId}"));
        endpoints.add(Endpoint.send("POST", "/api/dealers", stack.adminKey(),
                "{\"dealerId\": \"D-FZ-NEW\", \"name\": \"New Motors\", \"region\": \"Wuhai\", \"brand\": \"Changan\"}")
                .requiredField("dealerId", Kind.TEXT).requiredField("name", Kind.TEXT)
                .requiredField("region", Kind.TEXT).field("brand", Kind.TEXT).build("POST /api/dealers"));
        endpoints.add(Endpoint.send("POST", "/api/keys", stack.adminKey(),
                "{\"role\": \"DEALER\", \"dealerId\": \"D-FZ-01\", \"label\": \"fuzzed\"}")
                .requiredField("role", Kind.ENUM).requiredField("dealerId", Kind.TEXT)
                .requiredField("label", Kind.TEXT).build("POST /api/keys"));
        endpoints.add(paged(Endpoint.get("/api/keys", stack.adminKey())).build("GET /api/keys"));
        endpoints.add(Endpoint.send("DELETE", "/api/keys/{keyId}", stack.adminKey(), null)
                .part("keyId", "no-such-key", Kind.ID_PATH).build("DELETE /api/keys/{keyId}"));
        return endpoints;
    }

    private static List<Endpoint> findingEndpoints() {
        String byId = "/api/analytics/findings/{findingId}";
        return List.of(
                Endpoint.send("PUT", byId + "/assignment", hqKey, ASSIGNMENT).part("findingId", FINDING_ID, Kind.ID_PATH)
                        .requiredField("finding", Kind.OBJECT).requiredField("finding.kind", Kind.ENUM)
                        .requiredField("finding.region", Kind.TEXT).requiredField("finding.dimension", Kind.ENUM)
                        .requiredField("finding.value", Kind.TEXT).requiredField("owner", Kind.OBJECT)
                        .requiredField("owner.dealerId", Kind.TEXT).requiredField("dueDate", Kind.DATE)
                        .field("note", Kind.TEXT).build("PUT /api/analytics/findings/{findingId}/assignment"),
                Endpoint.send("POST", byId + "/outcomes", hqKey, OUTCOME).part("findingId", FINDING_ID, Kind.ID_PATH)
                        .requiredField("outcome", Kind.ENUM).requiredField("at", Kind.TIME).field("leadId", Kind.TEXT)
                        .field("reason", Kind.TEXT).field("externalRef", Kind.TEXT)
                        .build("POST /api/analytics/findings/{findingId}/outcomes"),
                Endpoint.get(byId, hqKey).part("findingId", FINDING_ID, Kind.ID_PATH)
                        .build("GET /api/analytics/findings/{findingId}"),
                paged(Endpoint.get("/api/analytics/findings", hqKey).param("region", "Chifeng", Kind.SCOPE_PARAM)
                        .param("dealerId", null, Kind.SCOPE_PARAM).param("state", "VISITED", Kind.ENUM_PARAM))
                        .build("GET /api/analytics/findings"),
                Endpoint.get("/api/analytics/findings/summary", hqKey).param("region", "Chifeng", Kind.SCOPE_PARAM)
                        .param("from", "2026-11-01", Kind.DATE_PARAM).param("to", null, Kind.DATE_PARAM)
                        .build("GET /api/analytics/findings/summary"));
    }

    private static Endpoint.Builder lead(Endpoint.Builder builder) {
        return builder.requiredField("dealerId", Kind.TEXT).requiredField("externalRef", Kind.TEXT)
                .requiredField("occurredAt", Kind.TIME).requiredField("channel", Kind.ENUM).field("grade", Kind.ENUM)
                .requiredField("contactRetained", Kind.BOOL).field("model", Kind.TEXT).field("consultant", Kind.TEXT)
                .requiredField("customer", Kind.OBJECT).requiredField("customer.kind", Kind.ENUM)
                .requiredField("customer.name", Kind.TEXT).field("customer.phone", Kind.TEXT)
                .field("customer.industry", Kind.ENUM).field("customer.organization", Kind.TEXT);
    }

    private static Endpoint.Builder paged(Endpoint.Builder builder) {
        return builder.param("page", null, Kind.PAGE_PARAM).param("size", "20", Kind.SIZE_PARAM);
    }

    private static Endpoint.Builder scoped(Endpoint.Builder builder) {
        return builder.param("dealerId", "D-FZ-01", Kind.SCOPE_PARAM).param("region", null, Kind.SCOPE_PARAM);
    }

    private static Endpoint.Builder cohort(Endpoint.Builder builder) {
        return builder.param("dealerId", null, Kind.SCOPE_PARAM).param("region", "Chifeng", Kind.SCOPE_PARAM)
                .param("from", "2026-11-01", Kind.DATE_PARAM).param("to", "2026-11-30", Kind.DATE_PARAM);
    }

    private static String followUp(String externalRef) {
        return """
                {"leadId": "%s", "externalRef": "%s", "occurredAt": "%s", "type": "CALL", "outcome": "REACHED",
                 "note": "asked for a test drive", "consultant": "wang.li"}""".formatted(leadId, externalRef, AT);
    }

    private static String defeat(String lead, String externalRef) {
        return """
                {"leadId": "%s", "externalRef": "%s", "occurredAt": "%s",
                 "kind": "DEFEATED", "subtype": "BOUGHT_COMPETITOR", "reasons": ["PRICE", "COMPETITOR_OFFER"],
                 "competitorBrand": "Geely", "competitorModel": "Monjaro", "note": "…", "reportedBy": "wang.li"}"""
                .formatted(lead, externalRef, LOST_AT);
    }

    /**
     * What a bad request must not change, read through the API: the leads, follow-ups, defeats and
     * dealers with their versions, the keys, the cadence, the analytics figures fed by their events, and
     * the assigned findings with their versions and summary. Read until two reads a second apart agree,
     * so that events still on their way are not mistaken for a change.
     */
    private static Map<String, String> settledState() throws Exception {
        Map<String, String> previous = state();
        for (int attempt = 0; attempt < 20; attempt++) {
            Thread.sleep(1_000);
            Map<String, String> current = state();
            if (current.equals(previous)) {
                return current;
            }
            previous = current;
        }
        return previous;
    }

    private static Map<String, String> state() throws Exception {
        String admin = stack.adminKey();
        Map<String, String> state = new LinkedHashMap<>();
        for (String dealer : List.of("D-FZ-01", "D-FZ-02")) {
            state.put("leads of " + dealer, list(call("GET", "/api/leads?size=500&dealerId=" + dealer, admin, null),
                    "$.items[*]['leadId','status','version','grade','contactRetained']"));
            state.put("defeats of " + dealer, list(call("GET", "/api/defeats?size=500&dealerId=" + dealer, admin, null),
                    "$.items[*]['defeatId','state','version','attempts']"));
            state.put("structure of " + dealer, ok(call("GET", "/api/analytics/structure?dealerId=" + dealer, hqKey, null)));
            state.put("channels of " + dealer, ok(call("GET", "/api/analytics/channels?dealerId=" + dealer, hqKey, null)));
        }
        state.put("follow-ups", list(call("GET", "/api/follow-ups?leadId=" + leadId + "&size=500", admin, null),
                "$.items[*]['followUpId','externalRef']"));
        state.put("dealers", list(call("GET", "/api/dealers?size=500", admin, null), "$.items[*].dealerId"));
        state.put("keys", list(call("GET", "/api/keys?size=500", admin, null), "$.items[*]['keyId','revokedAt']"));
        state.put("cadence", ok(call("GET", "/api/follow-ups/cadence", admin, null)));
        state.put("findings", list(call("GET", "/api/analytics/findings?size=500", admin, null),
                "$.items[*]['findingId','state','version']"));
        state.put("finding summary", ok(call("GET", "/api/analytics/findings/summary", hqKey, null)));
        return state;
    }

    private static String list(HttpResponse<String> response, String path) {
        return JsonPath.read(ok(response), path).toString();
    }

    private static String ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static String created(HttpResponse<String> response, String path) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JsonPath.read(response.body(), path);
    }

    /**
     * Follow-up and defeat service learn of a lead from its event, analytics of a dealer's region from
     * the dealer's; until then they answer otherwise.
     */
    private static HttpResponse<String> awaitStatus(String method, String path, String apiKey, String json,
            Integer... statuses) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> response = call(method, path, apiKey, json);
        while (!List.of(statuses).contains(response.statusCode()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            response = call(method, path, apiKey, json);
        }
        assertThat(response.statusCode()).as(response.body()).isIn((Object[]) statuses);
        return response;
    }

    private static HttpResponse<String> call(String method, String path, String apiKey, String json) throws Exception {
        return Gateway.call(stack, method, path, apiKey, json);
    }
}
