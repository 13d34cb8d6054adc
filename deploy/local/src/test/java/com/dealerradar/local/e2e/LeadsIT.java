package com.dealerradar.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lead and directory endpoints through the gateway on the real jars, with an API key of each role:
 * what each key may read, write and command. How lead-service captures, deduplicates, batches, lists
 * and validates is its own integration tests' job (LeadCaptureIT, LeadBatchIT, LeadQueryIT,
 * LeadLifecycleIT); here it is checked only as far as the gateway's keys and routes take part.
 */
@SharedStack
class LeadsIT {

    private static final String LEAD = """
            {"dealerId": "%s", "externalRef": "%s", "occurredAt": "2026-11-02T10:05:00+08:00",
             "channel": "SHOWROOM", "grade": "A", "contactRetained": false, "model": "CS75 PLUS",
             "consultant": "wang.li",
             "customer": {"kind": "ORGANIZATION", "name": "Hulunbuir Power Supply Co.", "phone": "%s",
                          "industry": "POWER_UTILITY", "organization": "Hulunbuir Power Supply Co."}}
            """;

    static LocalStack stack;
    static String hailarKey;
    static String manzhouliKey;
    static String managerKey;
    static String hqKey;

    /** Hulunbuir: D-HL-01 (Hailar) and D-HL-02 (Manzhouli); Xilingol: D-XL-01. */
    @BeforeAll
    static void registerDealersAndKeys(LocalStack shared) throws Exception {
        stack = shared;
        register("D-HL-01", "Hulunbuir");
        register("D-HL-02", "Hulunbuir");
        register("D-XL-01", "Xilingol");
        hailarKey = dealerKey("D-HL-01");
        manzhouliKey = dealerKey("D-HL-02");
        managerKey = Gateway.issueKey(stack, "{\"role\": \"REGION_MANAGER\", \"region\": \"Hulunbuir\", \"label\": \"Hulunbuir manager\"}");
        hqKey = Gateway.issueKey(stack, "{\"role\": \"HQ\", \"label\": \"HQ\"}");
    }

    @Test
    void theDirectoryIsReadWithinEachKeysScope() throws Exception {
        assertThat(call("POST", "/api/dealers", hailarKey, "{\"dealerId\": \"D-X\", \"name\": \"X\", \"region\": \"X\"}")
                .statusCode()).isEqualTo(403);
        assertThat((List<String>) JsonPath.read(page(call("GET", "/api/dealers", hailarKey, null)), "$.items[*].dealerId"))
                .containsExactly("D-HL-01");
        assertThat((List<String>) JsonPath.read(page(call("GET", "/api/dealers", managerKey, null)), "$.items[*].dealerId"))
                .containsExactlyInAnyOrder("D-HL-01", "D-HL-02");
        assertThat(call("GET", "/api/dealers/D-XL-01", hailarKey, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/dealers/D-XL-01", managerKey, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/dealers/D-HL-02", managerKey, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/dealers/D-XL-01", hqKey, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/dealers/D-HL-01", hqKey, null).statusCode()).isEqualTo(200);
    }

    @Test
    void badLeadsAreProblemsNamingEachFieldAndKeysWriteOnlyWithinTheirScope() throws Exception {
        HttpResponse<String> invalid = call("POST", "/api/leads", hailarKey, LEAD.formatted("D-HL-01", "crm-2", "13800005678")
                .replace("2026-11-02T10:05:00+08:00", "2099-01-01T00:00:00+08:00")
                .replace("\"ORGANIZATION\"", "\"INDIVIDUAL\""));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(fields(invalid)).containsExactlyInAnyOrder("occurredAt", "customer.industry");

        HttpResponse<String> noName = call("POST", "/api/leads", hailarKey, LEAD.formatted("D-HL-01", "crm-3", "13800005678")
                .replace("\"name\": \"Hulunbuir Power Supply Co.\",", ""));
        assertThat(fields(noName)).containsExactly("customer.name");
        assertThat(fields(call("POST", "/api/leads", hailarKey, LEAD.formatted("D-HL-01", "crm-4", "1")
                .replace("\"grade\": \"A\"", "\"grade\": \"Z\"")))).containsExactly("grade");
        assertThat(call("POST", "/api/leads", hailarKey, LEAD.formatted("D-XL-01", "crm-5", "13800005678")).statusCode())
                .isEqualTo(403);
        assertThat(call("POST", "/api/leads", hqKey, LEAD.formatted("D-HL-01", "crm-6", "13800005678")).statusCode())
                .isEqualTo(403);
        assertThat(call("POST", "/api/leads", null, LEAD.formatted("D-HL-01", "crm-8", "13800005678")).statusCode())
                .isEqualTo(401);
    }

    /** lead-service refuses it (LeadBatchIT); this checks that the gateway relays a body that large and the answer. */
    @Test
    void aTooLargeBatchIsRefusedThroughTheGateway() throws Exception {
        String tooMany = IntStream.range(0, 1001).mapToObj(i -> LEAD.formatted("D-HL-01", "big-" + i, "13600001111"))
                .collect(Collectors.joining(","));
        HttpResponse<String> refused = call("POST", "/api/leads/batch", hailarKey, "{\"items\": [" + tooMany + "]}");
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void theLifecycleCommandsFollowTheStatusMachineForTheLeadsOwnDealerOnly() throws Exception {
        String leadId = created(hailarKey, "D-HL-01", "crm-life-1", "13800001111");
        String otherLeadId = created(manzhouliKey, "D-HL-02", "crm-life-2", "13800002222");
        HttpResponse<String> graded = call("POST", "/api/leads/" + leadId + "/grade", hailarKey,
                "{\"grade\": \"H\", \"occurredAt\": \"2026-11-03T09:00:00+08:00\"}");
        assertThat(graded.statusCode()).as(graded.body()).isEqualTo(200);
        assertThat((String) JsonPath.read(graded.body(), "$.grade")).isEqualTo("H");
        HttpResponse<String> contact = call("POST", "/api/leads/" + leadId + "/contact", hailarKey,
                "{\"occurredAt\": \"2026-11-03T10:00:00+08:00\"}");
        assertThat((Boolean) JsonPath.read(contact.body(), "$.contactRetained")).isTrue();
        HttpResponse<String> won = call("POST", "/api/leads/" + leadId + "/deal", hailarKey,
                "{\"occurredAt\": \"2026-11-05T16:00:00+08:00\", \"model\": \"CS75 PLUS\", \"price\": 129900}");
        assertThat(won.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(won.body(), "$.status")).isEqualTo("WON");
        assertThat((Integer) JsonPath.read(won.body(), "$.version")).isEqualTo(4);

        HttpResponse<String> illegal = call("POST", "/api/leads/" + leadId + "/invalid", hailarKey,
                "{\"occurredAt\": \"2026-11-06T10:00:00+08:00\", \"reason\": \"DUPLICATE\"}");
        assertThat(illegal.statusCode()).isEqualTo(409);
        assertThat((String) JsonPath.read(illegal.body(), "$.currentStatus")).isEqualTo("WON");

        HttpResponse<String> invalid = call("POST", "/api/leads/" + otherLeadId + "/invalid", manzhouliKey,
                "{\"occurredAt\": \"2026-11-06T10:00:00+08:00\", \"reason\": \"DUPLICATE\"}");
        assertThat((String) JsonPath.read(invalid.body(), "$.status")).isEqualTo("INVALID");
        assertThat(call("POST", "/api/leads/" + otherLeadId + "/deal", manzhouliKey,
                "{\"occurredAt\": \"2026-11-06T11:00:00+08:00\"}").statusCode()).isEqualTo(409);
        assertThat(fields(call("POST", "/api/leads/" + otherLeadId + "/invalid", manzhouliKey,
                "{\"occurredAt\": \"2026-11-06T10:00:00+08:00\", \"reason\": \"MEH\"}"))).containsExactly("reason");

        assertThat(call("POST", "/api/leads/" + leadId + "/grade", manzhouliKey,
                "{\"grade\": \"C\", \"occurredAt\": \"2026-11-03T09:00:00+08:00\"}").statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/leads/" + leadId + "/grade", managerKey,
                "{\"grade\": \"C\", \"occurredAt\": \"2026-11-03T09:00:00+08:00\"}").statusCode()).isEqualTo(403);
    }

    /** On dealers of its own (Hinggan: D-HG-01, D-HG-02; Ejin: D-EJ-01), so that no other test changes its counts. */
    @Test
    void leadsAreListedAndReadWithinEachKeysScope() throws Exception {
        register("D-HG-01", "Hinggan");
        register("D-HG-02", "Hinggan");
        register("D-EJ-01", "Ejin");
        String ulanhotKey = dealerKey("D-HG-01");
        String arxanKey = dealerKey("D-HG-02");
        String hingganManagerKey = Gateway.issueKey(stack,
                "{\"role\": \"REGION_MANAGER\", \"region\": \"Hinggan\", \"label\": \"Hinggan manager\"}");
        String leadId = created(ulanhotKey, "D-HG-01", "hg-1", "13500000001");
        created(ulanhotKey, "D-HG-01", "hg-2", "13500000002");
        created(arxanKey, "D-HG-02", "hg-3", "13500000003");
        created(stack.adminKey(), "D-EJ-01", "ax-1", "13500000004");

        HttpResponse<String> own = call("GET", "/api/leads", ulanhotKey, null);
        assertThat(total(own)).isEqualTo(2);
        assertThat((List<String>) JsonPath.read(own.body(), "$.items[*].dealerId")).containsOnly("D-HG-01");
        assertThat(call("GET", "/api/leads?dealerId=D-HG-02", ulanhotKey, null).statusCode()).isEqualTo(403);

        assertThat(total(call("GET", "/api/leads", hingganManagerKey, null))).isEqualTo(3);
        assertThat(call("GET", "/api/leads?region=Ejin", hingganManagerKey, null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/leads?dealerId=D-EJ-01", hingganManagerKey, null).statusCode()).isEqualTo(403);
        assertThat(total(call("GET", "/api/leads?region=Ejin", hqKey, null))).isEqualTo(1);
        assertThat(total(call("GET", "/api/leads?region=Hinggan", hqKey, null))).isEqualTo(3);
        assertThat(total(call("GET", "/api/leads?region=Hinggan", stack.adminKey(), null))).isEqualTo(3);

        HttpResponse<String> badStatus = call("GET", "/api/leads?status=LOST", ulanhotKey, null);
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(fields(badStatus)).containsExactly("status");
        assertThat(fields(call("GET", "/api/leads?to=yesterday", ulanhotKey, null))).containsExactly("to");

        assertThat(call("GET", "/api/leads/" + leadId, ulanhotKey, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/leads/" + leadId, arxanKey, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/leads/" + leadId, hingganManagerKey, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/leads/" + leadId, managerKey, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/leads/no-such-lead", hqKey, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/leads/" + leadId, null, null).statusCode()).isEqualTo(401);
    }

    private static void register(String dealerId, String region) throws Exception {
        HttpResponse<String> registered = call("POST", "/api/dealers", stack.adminKey(), """
                {"dealerId": "%s", "name": "%s Motors", "region": "%s", "brand": "Changan"}
                """.formatted(dealerId, dealerId, region));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    }

    private static String dealerKey(String dealerId) throws Exception {
        return Gateway.issueKey(stack, "{\"role\": \"DEALER\", \"dealerId\": \"" + dealerId + "\", \"label\": \"" + dealerId + " DMS\"}");
    }

    private static String created(String apiKey, String dealerId, String externalRef, String phone) throws Exception {
        HttpResponse<String> created = call("POST", "/api/leads", apiKey, LEAD.formatted(dealerId, externalRef, phone));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JsonPath.read(created.body(), "$.leadId");
    }

    private static String page(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return page.body();
    }

    private static int total(HttpResponse<String> page) {
        return JsonPath.read(page(page), "$.total");
    }

    private static List<String> fields(HttpResponse<String> problem) {
        assertThat(problem.statusCode()).as(problem.body()).isEqualTo(400);
        return JsonPath.read(problem.body(), "$.errors[*].field");
    }

    private static HttpResponse<String> call(String method, String path, String apiKey, String json) throws Exception {
        return Gateway.call(stack, method, path, apiKey, json);
    }
}
