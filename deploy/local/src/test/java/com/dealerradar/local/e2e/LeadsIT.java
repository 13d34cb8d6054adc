package com.dealerradar.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every lead and directory endpoint through the gateway on the real jars, with API keys of each role:
 * capture, idempotency, batch, duplicates, the lifecycle commands, the list and its scoping, and the
 * error cases.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeadsIT {

    private static final String LEAD = """
            {"dealerId": "%s", "externalRef": "%s", "occurredAt": "2026-11-02T10:05:00+08:00",
             "channel": "SHOWROOM", "grade": "A", "contactRetained": false, "model": "CS75 PLUS",
             "consultant": "wang.li",
             "customer": {"kind": "ORGANIZATION", "name": "Chifeng Power Supply Co.", "phone": "%s",
                          "industry": "POWER_UTILITY", "organization": "Chifeng Power Supply Co."}}
            """;

    static LocalStack stack;
    static String chifengKey;
    static String songshanKey;
    static String managerKey;
    static String hqKey;
    static String leadId;
    static String shopperLeadId;

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
    void theDirectoryIsReadWithinEachKeysScope() throws Exception {
        for (String dealer : List.of("D-CF-01:Chifeng", "D-CF-02:Chifeng", "D-BT-01:Baotou")) {
            String[] parts = dealer.split(":");
            assertThat(call("POST", "/api/dealers", stack.adminKey(), """
                    {"dealerId": "%s", "name": "%s Motors", "region": "%s", "brand": "Changan"}
                    """.formatted(parts[0], parts[1], parts[1])).statusCode()).isEqualTo(201);
        }
        chifengKey = Gateway.issueKey(stack, "{\"role\": \"DEALER\", \"dealerId\": \"D-CF-01\", \"label\": \"CF-01 DMS\"}");
        songshanKey = Gateway.issueKey(stack, "{\"role\": \"DEALER\", \"dealerId\": \"D-CF-02\", \"label\": \"CF-02 DMS\"}");
        managerKey = Gateway.issueKey(stack, "{\"role\": \"REGION_MANAGER\", \"region\": \"Chifeng\", \"label\": \"Chifeng manager\"}");
        hqKey = Gateway.issueKey(stack, "{\"role\": \"HQ\", \"label\": \"HQ\"}");

        assertThat(call("POST", "/api/dealers", chifengKey, "{\"dealerId\": \"D-X\", \"name\": \"X\", \"region\": \"X\"}")
                .statusCode()).isEqualTo(403);
        assertThat(total(call("GET", "/api/dealers", chifengKey, null))).isEqualTo(1);
        assertThat(total(call("GET", "/api/dealers", managerKey, null))).isEqualTo(2);
        assertThat(total(call("GET", "/api/dealers", hqKey, null))).isEqualTo(3);
        assertThat(call("GET", "/api/dealers/D-BT-01", chifengKey, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/dealers/D-CF-02", managerKey, null).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void aLeadIsCapturedOnceWithItsRegionAndAMaskedPhone() throws Exception {
        HttpResponse<String> created = call("POST", "/api/leads", chifengKey, LEAD.formatted("D-CF-01", "crm-1", "13800005678"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        leadId = JsonPath.read(created.body(), "$.leadId");
        assertThat((String) JsonPath.read(created.body(), "$.region")).isEqualTo("Chifeng");
        assertThat((String) JsonPath.read(created.body(), "$.status")).isEqualTo("OPEN");
        assertThat((String) JsonPath.read(created.body(), "$.customer.phone")).isEqualTo("138****5678");
        assertThat(created.body()).doesNotContain("13800005678");

        HttpResponse<String> again = call("POST", "/api/leads", chifengKey, LEAD.formatted("D-CF-01", "crm-1", "13800005678"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(again.body(), "$.leadId")).isEqualTo(leadId);
        assertThat(call("POST", "/api/leads", chifengKey, LEAD.formatted("D-CF-01", "crm-1", "13900000000")).statusCode())
                .isEqualTo(409);
    }

    @Test
    @Order(3)
    void badLeadsAreProblemsNamingEachField() throws Exception {
        HttpResponse<String> invalid = call("POST", "/api/leads", chifengKey, LEAD.formatted("D-CF-01", "crm-2", "13800005678")
                .replace("2026-11-02T10:05:00+08:00", "2099-01-01T00:00:00+08:00")
                .replace("\"ORGANIZATION\"", "\"INDIVIDUAL\""));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(fields(invalid)).containsExactlyInAnyOrder("occurredAt", "customer.industry");

        HttpResponse<String> noName = call("POST", "/api/leads", chifengKey, LEAD.formatted("D-CF-01", "crm-3", "13800005678")
                .replace("\"name\": \"Chifeng Power Supply Co.\",", ""));
        assertThat(fields(noName)).containsExactly("customer.name");
        assertThat(fields(call("POST", "/api/leads", chifengKey, LEAD.formatted("D-CF-01", "crm-4", "1")
                .replace("\"grade\": \"A\"", "\"grade\": \"Z\"")))).containsExactly("grade");
        assertThat(call("POST", "/api/leads", chifengKey, LEAD.formatted("D-BT-01", "crm-5", "13800005678")).statusCode())
                .isEqualTo(403);
        assertThat(call("POST", "/api/leads", hqKey, LEAD.formatted("D-CF-01", "crm-6", "13800005678")).statusCode())
                .isEqualTo(403);
        assertThat(call("POST", "/api/leads", stack.adminKey(), LEAD.formatted("D-NOWHERE", "crm-7", "13800005678")).statusCode())
                .isEqualTo(422);
        assertThat(call("POST", "/api/leads", null, LEAD.formatted("D-CF-01", "crm-8", "13800005678")).statusCode())
                .isEqualTo(401);
    }

    @Test
    @Order(4)
    void aCustomerShoppingAroundTheGroupIsNamedOnlyToHq() throws Exception {
        HttpResponse<String> created = call("POST", "/api/leads", songshanKey, LEAD.formatted("D-CF-02", "ss-1", "138 0000 5678"));
        assertThat(created.statusCode()).isEqualTo(201);
        shopperLeadId = JsonPath.read(created.body(), "$.leadId");
        assertThat((Boolean) JsonPath.read(created.body(), "$.possibleDuplicateOf.sameGroupDealer")).isTrue();
        assertThat(created.body()).doesNotContain(leadId);

        HttpResponse<String> asHq = call("GET", "/api/leads/" + shopperLeadId, hqKey, null);
        assertThat((String) JsonPath.read(asHq.body(), "$.possibleDuplicateOf.leadId")).isEqualTo(leadId);
        assertThat((String) JsonPath.read(asHq.body(), "$.possibleDuplicateOf.dealerId")).isEqualTo("D-CF-01");

        HttpResponse<String> sameDealer = call("POST", "/api/leads", chifengKey, LEAD.formatted("D-CF-01", "crm-9", "13800005678"));
        assertThat((String) JsonPath.read(sameDealer.body(), "$.possibleDuplicateOf.leadId")).isEqualTo(leadId);
    }

    @Test
    @Order(5)
    void aBatchReportsEachItemAndATooLargeOneIsRefused() throws Exception {
        String items = String.join(",", LEAD.formatted("D-CF-01", "batch-1", "13600000001"),
                LEAD.formatted("D-CF-01", "crm-1", "13800005678"),
                LEAD.formatted("D-CF-01", "batch-3", "13600000003").replace("\"SHOWROOM\"", "\"PIGEON\""));
        HttpResponse<String> batch = call("POST", "/api/leads/batch", chifengKey, "{\"items\": [" + items + "]}");
        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);
        assertThat((List<String>) JsonPath.read(batch.body(), "$.results[*].outcome"))
                .containsExactly("CREATED", "DUPLICATE", "REJECTED");
        assertThat((String) JsonPath.read(batch.body(), "$.results[1].leadId")).isEqualTo(leadId);
        assertThat((Integer) JsonPath.read(batch.body(), "$.results[2].problem.status")).isEqualTo(400);
        assertThat((List<String>) JsonPath.read(batch.body(), "$.results[2].problem.errors[*].field")).containsExactly("channel");

        String tooMany = IntStream.range(0, 1001).mapToObj(i -> LEAD.formatted("D-CF-01", "big-" + i, "13600001111"))
                .collect(Collectors.joining(","));
        HttpResponse<String> refused = call("POST", "/api/leads/batch", chifengKey, "{\"items\": [" + tooMany + "]}");
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    @Order(6)
    void theLifecycleCommandsFollowTheStatusMachine() throws Exception {
        HttpResponse<String> graded = call("POST", "/api/leads/" + leadId + "/grade", chifengKey,
                "{\"grade\": \"H\", \"occurredAt\": \"2026-11-03T09:00:00+08:00\"}");
        assertThat(graded.statusCode()).as(graded.body()).isEqualTo(200);
        assertThat((String) JsonPath.read(graded.body(), "$.grade")).isEqualTo("H");
        HttpResponse<String> contact = call("POST", "/api/leads/" + leadId + "/contact", chifengKey,
                "{\"occurredAt\": \"2026-11-03T10:00:00+08:00\"}");
        assertThat((Boolean) JsonPath.read(contact.body(), "$.contactRetained")).isTrue();
        HttpResponse<String> won = call("POST", "/api/leads/" + leadId + "/deal", chifengKey,
                "{\"occurredAt\": \"2026-11-05T16:00:00+08:00\", \"model\": \"CS75 PLUS\", \"price\": 129900}");
        assertThat(won.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(won.body(), "$.status")).isEqualTo("WON");
        assertThat((Integer) JsonPath.read(won.body(), "$.version")).isEqualTo(4);

        HttpResponse<String> illegal = call("POST", "/api/leads/" + leadId + "/invalid", chifengKey,
                "{\"occurredAt\": \"2026-11-06T10:00:00+08:00\", \"reason\": \"DUPLICATE\"}");
        assertThat(illegal.statusCode()).isEqualTo(409);
        assertThat((String) JsonPath.read(illegal.body(), "$.currentStatus")).isEqualTo("WON");

        HttpResponse<String> invalid = call("POST", "/api/leads/" + shopperLeadId + "/invalid", songshanKey,
                "{\"occurredAt\": \"2026-11-06T10:00:00+08:00\", \"reason\": \"DUPLICATE\"}");
        assertThat((String) JsonPath.read(invalid.body(), "$.status")).isEqualTo("INVALID");
        assertThat(call("POST", "/api/leads/" + shopperLeadId + "/deal", songshanKey,
                "{\"occurredAt\": \"2026-11-06T11:00:00+08:00\"}").statusCode()).isEqualTo(409);
        assertThat(fields(call("POST", "/api/leads/" + shopperLeadId + "/invalid", songshanKey,
                "{\"occurredAt\": \"2026-11-06T10:00:00+08:00\", \"reason\": \"MEH\"}"))).containsExactly("reason");

        assertThat(call("POST", "/api/leads/" + leadId + "/grade", songshanKey,
                "{\"grade\": \"C\", \"occurredAt\": \"2026-11-03T09:00:00+08:00\"}").statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/leads/" + leadId + "/grade", managerKey,
                "{\"grade\": \"C\", \"occurredAt\": \"2026-11-03T09:00:00+08:00\"}").statusCode()).isEqualTo(403);
    }

    @Test
    @Order(7)
    void leadsAreListedAndReadWithinEachKeysScope() throws Exception {
        assertThat(call("POST", "/api/leads", stack.adminKey(), LEAD.formatted("D-BT-01", "bt-1", "13500000001")).statusCode())
                .isEqualTo(201);

        HttpResponse<String> own = call("GET", "/api/leads", chifengKey, null);
        assertThat(total(own)).isEqualTo(3);
        assertThat((List<String>) JsonPath.read(own.body(), "$.items[*].dealerId")).containsOnly("D-CF-01");
        assertThat(call("GET", "/api/leads?dealerId=D-CF-02", chifengKey, null).statusCode()).isEqualTo(403);
        assertThat(total(call("GET", "/api/leads?status=WON", chifengKey, null))).isEqualTo(1);
        assertThat(total(call("GET", "/api/leads?grade=H&channel=SHOWROOM&industry=POWER_UTILITY", chifengKey, null))).isEqualTo(1);
        assertThat(total(call("GET", "/api/leads?from=2026-11-02&to=2026-11-02", chifengKey, null))).isEqualTo(3);
        assertThat(total(call("GET", "/api/leads?from=2026-11-03", chifengKey, null))).isEqualTo(0);
        HttpResponse<String> paged = call("GET", "/api/leads?page=1&size=2", chifengKey, null);
        assertThat((List<Object>) JsonPath.read(paged.body(), "$.items")).hasSize(1);
        assertThat((Integer) JsonPath.read(paged.body(), "$.page")).isEqualTo(1);

        assertThat(total(call("GET", "/api/leads", managerKey, null))).isEqualTo(4);
        assertThat(total(call("GET", "/api/leads?status=INVALID", managerKey, null))).isEqualTo(1);
        assertThat(call("GET", "/api/leads?region=Baotou", managerKey, null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/leads?dealerId=D-BT-01", managerKey, null).statusCode()).isEqualTo(403);
        assertThat(total(call("GET", "/api/leads?region=Baotou", hqKey, null))).isEqualTo(1);
        assertThat(total(call("GET", "/api/leads", stack.adminKey(), null))).isEqualTo(5);

        HttpResponse<String> badStatus = call("GET", "/api/leads?status=LOST", chifengKey, null);
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(fields(badStatus)).containsExactly("status");
        assertThat(fields(call("GET", "/api/leads?to=yesterday", chifengKey, null))).containsExactly("to");

        assertThat(call("GET", "/api/leads/" + leadId, chifengKey, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/leads/" + leadId, songshanKey, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/leads/" + leadId, managerKey, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/leads/no-such-lead", hqKey, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/leads/" + leadId, null, null).statusCode()).isEqualTo(401);
    }

    private static int total(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return JsonPath.read(page.body(), "$.total");
    }

    private static List<String> fields(HttpResponse<String> problem) {
        assertThat(problem.statusCode()).as(problem.body()).isEqualTo(400);
        return JsonPath.read(problem.body(), "$.errors[*].field");
    }

    private static HttpResponse<String> call(String method, String path, String apiKey, String json) throws Exception {
        return Gateway.call(stack, method, path, apiKey, json);
    }
}
