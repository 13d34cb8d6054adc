package com.dealerradar.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Analytics as a dealer group meets it through the gateway on the real jars: leads posted by a
 * dealer system, marketing spend entered, and the structure's cost figures, the funnel and the
 * channels computed from them; keys outside their scope are refused.
 */
@SharedStack
class AnalyticsIT {

    private static final String DEALER = "D-TL-01";
    private static final String OTHER_DEALER = "D-BY-01";
    private static final String NOVEMBER = "from=2026-11-01&to=2026-11-30";
    private static final String LEAD = """
            {"dealerId": "%s", "externalRef": "%s", "occurredAt": "2026-11-0%dT10:05:00+08:00",
             "channel": "%s", "grade": "A", "contactRetained": %s, "model": "CS75 PLUS", "consultant": "wang.li",
             "customer": {"kind": "INDIVIDUAL", "name": "Zhang San", "phone": "1380000%04d"}}
            """;

    private static final String SPEND = "{\"total\": 2000, \"byChannel\": {\"SHOWROOM\": 1500, \"PHONE\": 500}}";

    static LocalStack stack;
    static String dealerKey;
    static String hqKey;
    static String otherRegionKey;

    /** Two dealers and their keys; the dealer posts four leads, one by phone, and enters the month's spend. */
    @BeforeAll
    static void setUpTheGroup(LocalStack shared) throws Exception {
        stack = shared;
        assertThat(call("POST", "/api/dealers", stack.adminKey(), "{\"dealerId\": \"" + DEALER
                + "\", \"name\": \"Tongliao Changan\", \"region\": \"Tongliao\", \"brand\": \"Changan\"}").statusCode())
                .isEqualTo(201);
        assertThat(call("POST", "/api/dealers", stack.adminKey(), "{\"dealerId\": \"" + OTHER_DEALER
                + "\", \"name\": \"Bayannur Changan\", \"region\": \"Bayannur\", \"brand\": \"Changan\"}").statusCode())
                .isEqualTo(201);
        dealerKey = Gateway.issueKey(stack, "{\"role\": \"DEALER\", \"dealerId\": \"" + DEALER + "\", \"label\": \"DMS\"}");
        hqKey = Gateway.issueKey(stack, "{\"role\": \"HQ\", \"label\": \"headquarters\"}");
        otherRegionKey = Gateway.issueKey(stack, "{\"role\": \"REGION_MANAGER\", \"region\": \"Bayannur\", \"label\": \"Bayannur RM\"}");
        for (int i = 1; i <= 4; i++) {
            boolean phone = i == 4;
            HttpResponse<String> lead = call("POST", "/api/leads", dealerKey, LEAD.formatted(DEALER, "crm-" + i, i,
                    phone ? "PHONE" : "SHOWROOM", !phone, i));
            assertThat(lead.statusCode()).as(lead.body()).isEqualTo(201);
        }
        HttpResponse<String> spend = call("PUT", "/api/analytics/spend/" + DEALER + "/2026-11", dealerKey, SPEND);
        assertThat(spend.statusCode()).as(spend.body()).isEqualTo(200);
    }

    /** Ends with the month's spend as the set-up entered it, so the other tests read the same figures in any order. */
    @Test
    void aNewSpendReplacesTheMonthsAndBadOrForeignSpendIsRefused() throws Exception {
        HttpResponse<String> spend = call("PUT", "/api/analytics/spend/" + DEALER + "/2026-11", hqKey,
                "{\"total\": 9999}");
        assertThat(spend.statusCode()).as(spend.body()).isEqualTo(200);
        assertThat(((Number) JsonPath.read(spend.body(), "$.total")).intValue()).isEqualTo(9999);
        HttpResponse<String> replaced = call("PUT", "/api/analytics/spend/" + DEALER + "/2026-11", dealerKey, SPEND);
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(((Number) JsonPath.read(replaced.body(), "$.total")).intValue()).isEqualTo(2000);

        HttpResponse<String> invalid = call("PUT", "/api/analytics/spend/" + DEALER + "/2026-11", dealerKey,
                "{\"total\": -5}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat((List<String>) JsonPath.read(invalid.body(), "$.errors[*].field")).containsExactly("total");
        assertThat(call("PUT", "/api/analytics/spend/" + OTHER_DEALER + "/2026-11", dealerKey, "{\"total\": 1}")
                .statusCode()).isEqualTo(403);
        assertThat(call("PUT", "/api/analytics/spend/" + DEALER + "/2026-11", otherRegionKey, "{\"total\": 1}")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void theStructureShowsWhatTheLeadsCost() throws Exception {
        String structure = awaitCaptured(4);
        assertThat((Integer) JsonPath.read(structure, "$.leads")).isEqualTo(4);
        assertThat((Integer) JsonPath.read(structure, "$.potential")).isEqualTo(4);
        assertThat(((Number) JsonPath.read(structure, "$.spend")).doubleValue()).isEqualTo(2000.0);
        assertThat(((Number) JsonPath.read(structure, "$.costPerLead")).doubleValue()).isEqualTo(500.0);
        assertThat(((Number) JsonPath.read(structure, "$.defeatedSpend")).doubleValue()).isEqualTo(0.0);
    }

    @Test
    void theFunnelAndTheChannelsSplitTheLeads() throws Exception {
        awaitCaptured(4);
        HttpResponse<String> funnel = call("GET", "/api/analytics/funnel?groupBy=channel&dealerId=" + DEALER + "&"
                + NOVEMBER, hqKey, null);
        assertThat(funnel.statusCode()).as(funnel.body()).isEqualTo(200);
        assertThat((Integer) JsonPath.read(funnel.body(), "$.total.traffic")).isEqualTo(4);
        assertThat((Integer) JsonPath.read(funnel.body(), "$.total.kept")).isEqualTo(3);
        assertThat(((Number) JsonPath.read(funnel.body(), "$.total.keepRate")).doubleValue()).isEqualTo(0.75);
        assertThat(((Number) JsonPath.read(funnel.body(), "$.total.followRate")).doubleValue()).isEqualTo(0.0);
        assertThat((Object) JsonPath.read(funnel.body(), "$.total.convertRate")).isNull();
        assertThat((List<Integer>) JsonPath.read(funnel.body(), "$.rows[?(@.key=='SHOWROOM')].kept")).containsExactly(3);
        assertThat((List<Object>) JsonPath.read(funnel.body(), "$.rows[?(@.key=='PHONE')].followRate"))
                .containsExactly((Object) null);

        HttpResponse<String> channels = call("GET", "/api/analytics/channels?" + NOVEMBER, dealerKey, null);
        assertThat(channels.statusCode()).as(channels.body()).isEqualTo(200);
        assertThat((List<Number>) JsonPath.read(channels.body(), "$.rows[?(@.channel=='SHOWROOM')].costPerLead"))
                .extracting(Number::doubleValue).containsExactly(500.0);
        assertThat((List<Number>) JsonPath.read(channels.body(), "$.rows[?(@.channel=='PHONE')].costPerLead"))
                .extracting(Number::doubleValue).containsExactly(500.0);
    }

    @Test
    void keysOutsideTheirScopeAreRefused() throws Exception {
        assertThat(call("GET", "/api/analytics/structure?dealerId=" + DEALER, otherRegionKey, null).statusCode())
                .isEqualTo(403);
        assertThat(call("GET", "/api/analytics/funnel?groupBy=dealer&region=Tongliao", otherRegionKey, null)
                .statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/analytics/structure?dealerId=" + OTHER_DEALER, dealerKey, null).statusCode())
                .isEqualTo(403);
        assertThat(call("GET", "/api/analytics/structure?region=Tongliao", dealerKey, null).statusCode())
                .isEqualTo(403);
        assertThat(call("GET", "/api/analytics/structure", null, null).statusCode()).isEqualTo(401);
        assertThat(call("POST", "/api/analytics/rebuild", hqKey, null).statusCode()).isEqualTo(403);
    }

    private static String awaitCaptured(int expected) {
        return await("analytics counts " + expected + " leads of " + DEALER).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    HttpResponse<String> structure = call("GET", "/api/analytics/structure?dealerId=" + DEALER + "&"
                            + NOVEMBER, dealerKey, null);
                    assertThat(structure.statusCode()).as(structure.body()).isEqualTo(200);
                    return structure.body();
                }, body -> JsonPath.<Integer>read(body, "$.captured") == expected);
    }

    private static HttpResponse<String> call(String method, String path, String apiKey, String json) throws Exception {
        return Gateway.call(stack, method, path, apiKey, json);
    }
}
