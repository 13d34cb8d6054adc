package com.dealerradar.local.e2e;

import static com.dealerradar.local.e2e.ScopeTable.Expected.DONE;
import static com.dealerradar.local.e2e.ScopeTable.Expected.FORBIDDEN;
import static com.dealerradar.local.e2e.ScopeTable.Expected.NOT_FOUND;
import static com.dealerradar.local.e2e.ScopeTable.Expected.NOT_SENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealerradar.local.e2e.ScopeTable.Cell;
import com.dealerradar.local.e2e.ScopeTable.Expected;
import com.dealerradar.local.e2e.ScopeTable.Role;
import com.dealerradar.local.e2e.ScopeTable.Side;
import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint × every role × the caller's own and a foreign resource, through the gateway, as api.md's
 * scope rules say: a resource addressed by id that the caller may not see is 404 (ids cannot be probed),
 * a scope parameter ({@code dealerId}, {@code region}) outside its reach is 403, and a role that may never
 * do a thing is 403. No answer, done or refused, may name a dealer, lead or defeat the caller may not see
 * (unless it sent that id itself). One table, printed with its counts, holds every cell.
 * <p>
 * The foreign resource of a DEALER key is its region's other dealer (the closest neighbour it must not
 * see); of every other role, a dealer in another region.
 */
@SharedStack
class ScopeMatrixIT {

    private static final String REGION = "Zhalantun";
    private static final String OTHER_REGION = "Manzhouli";
    /** The DEALER key's dealer. */
    private static final String DEALER = "D-ZL-01";
    private static final String NEIGHBOUR = "D-ZL-02";
    private static final String FAR_DEALER = "D-MZ-01";
    private static final Map<String, String> REGION_OF = Map.of(DEALER, REGION, NEIGHBOUR, REGION, FAR_DEALER, OTHER_REGION);
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Set<Integer> NOT_NOW = Set.of(502, 503, 504);

    private static final String LEAD = """
            {"dealerId": "%s", "externalRef": "scope-%d", "occurredAt": "2026-11-02T10:05:00+08:00",
             "channel": "SHOWROOM", "grade": "A", "contactRetained": true, "model": "CS75 PLUS", "consultant": "wang.li",
             "customer": {"kind": "ORGANIZATION", "name": "Zhao Min", "phone": "1390000%04d",
                          "industry": "POWER_UTILITY", "organization": "%s Power Supply Co."}}
            """;
    private static final String DEFEAT = """
            {"leadId": "%s", "externalRef": "scope-lost-%d", "occurredAt": "2026-11-20T18:00:00+08:00",
             "kind": "DEFEATED", "subtype": "BOUGHT_COMPETITOR", "reasons": ["PRICE"],
             "competitorBrand": "Geely", "competitorModel": "Monjaro", "reportedBy": "wang.li"}
            """;
    private static final String FOLLOW_UP = """
            {"leadId": "%s", "externalRef": "scope-fu-%d", "occurredAt": "2026-11-03T15:00:00+08:00",
             "type": "CALL", "outcome": "REACHED", "consultant": "wang.li"}
            """;
    private static final String CALLBACK = """
            {"occurredAt": "2026-11-21T10:00:00+08:00", "outcome": "UNREACHABLE", "by": "manager.zhao"}
            """;
    private static final String UNTIL = "until=2026-12-31T00:00:00%2B08:00";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Map<Role, String> KEYS = new EnumMap<>(Role.class);
    /** Every lead and defeat made here, by dealer: none may show in an answer to a caller who may not see that dealer. */
    private static final Map<String, Set<String>> IDS_OF = new HashMap<>();
    private static final Map<String, String> LEAD_OF = new HashMap<>();
    private static final Map<String, String> DEFEAT_OF = new HashMap<>();

    static LocalStack stack;
    private static final String ASSIGNMENT = """
            {"finding": {"kind": "MISSED_PROSPECT", "region": "%s", "dimension": "industry", "value": "JUSTICE"},
             "owner": {"name": "Zhao Min"}, "dueDate": "2026-12-31"}""";
    /** The same visit each time, under one ref: the first records it, every repeat answers the finding as it stands. */
    private static final String VISIT = """
            {"outcome": "VISITED", "at": "2026-11-25T10:00:00+08:00", "externalRef": "scope-visit-%s"}""";
    static String cadence;

    @BeforeAll
    static void setUpTheGroup(LocalStack shared) throws Exception {
        stack = shared;
        for (String dealer : List.of(DEALER, NEIGHBOUR, FAR_DEALER)) {
            HttpResponse<String> registered = Gateway.call(stack, "POST", "/api/dealers", stack.adminKey(),
                    "{\"dealerId\": \"%s\", \"name\": \"%s Changan\", \"region\": \"%s\", \"brand\": \"Changan\"}"
                            .formatted(dealer, dealer, REGION_OF.get(dealer)));
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        }
        KEYS.put(Role.ADMIN, stack.adminKey());
        KEYS.put(Role.HQ, Gateway.issueKey(stack, "{\"role\": \"HQ\", \"label\": \"scope matrix\"}"));
        KEYS.put(Role.REGION_MANAGER, Gateway.issueKey(stack,
                "{\"role\": \"REGION_MANAGER\", \"region\": \"" + REGION + "\", \"label\": \"scope matrix\"}"));
        KEYS.put(Role.DEALER, Gateway.issueKey(stack,
                "{\"role\": \"DEALER\", \"dealerId\": \"" + DEALER + "\", \"label\": \"scope matrix\"}"));
        for (String dealer : REGION_OF.keySet()) {
            String defeatId = newDefeat(dealer);
            DEFEAT_OF.put(dealer, defeatId);
            String leadId = newLead(dealer);
            awaitKnownToFollowUps(leadId);
            LEAD_OF.put(dealer, leadId);
        }
        awaitEveryServiceKnowsTheRegionsDealers();
        cadence = Gateway.call(stack, "GET", "/api/follow-ups/cadence", stack.adminKey(), null).body();
    }

    @Test
    void everyForeignReadOrWriteIsRefusedAndNothingForeignShows() {
        ScopeTable table = new ScopeTable();
        for (Row row : rows()) {
            for (Role role : Role.values()) {
                for (Side side : row.target() == Target.NONE ? List.of(Side.OWN) : List.of(Side.values())) {
                    table.put(row.name(), role, side, row.run(role, side));
                }
            }
        }

        String rendered = table.render();
        System.out.println("Scope matrix:\n" + rendered);
        assertThat(table.failures()).as(rendered).isEmpty();
    }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        // Directory and keys
        rows.add(new Row("POST /api/dealers (region)", Target.REGION, roles(Role.ADMIN), (key, dealer, region) ->
                send("POST", "/api/dealers", key, "{\"dealerId\": \"D-ZX-%d\", \"name\": \"New\", \"region\": \"%s\"}"
                        .formatted(SEQUENCE.incrementAndGet(), region))));
        rows.add(new Row("GET /api/dealers", Target.NONE, anyone(), (key, dealer, region) ->
                send("GET", "/api/dealers?size=500", key, null)));
        rows.add(new Row("GET /api/dealers/{dealerId}", Target.DEALER, ScopeMatrixIT::readById, (key, dealer, region) ->
                send("GET", "/api/dealers/" + dealer, key, null)));
        rows.add(new Row("POST /api/keys (dealerId)", Target.DEALER, roles(Role.ADMIN), (key, dealer, region) ->
                send("POST", "/api/keys", key, dealerKeyRequest(dealer))));
        rows.add(new Row("GET /api/keys", Target.NONE, roles(Role.ADMIN), (key, dealer, region) ->
                send("GET", "/api/keys", key, null)));
        rows.add(new Row("DELETE /api/keys/{keyId}", Target.DEALER, roles(Role.ADMIN), (key, dealer, region) ->
                send("DELETE", "/api/keys/" + newKeyId(dealer), key, null)));
        rows.add(new Row("GET /api/me", Target.NONE, anyone(), (key, dealer, region) -> send("GET", "/api/me", key, null)));
        // Leads
        rows.add(new Row("POST /api/leads (dealerId)", Target.DEALER, ScopeMatrixIT::postForDealer, (key, dealer, region) ->
                send("POST", "/api/leads", key, lead(dealer))));
        rows.add(new Row("POST /api/leads/batch (item's dealerId)", Target.DEALER, ScopeMatrixIT::postForDealer,
                ScopeMatrixIT::batchOfOne));
        rows.add(new Row("GET /api/leads/{leadId}", Target.DEALER, ScopeMatrixIT::readById, (key, dealer, region) ->
                send("GET", "/api/leads/" + LEAD_OF.get(dealer), key, null)));
        scopedReads(rows, "/api/leads", "");
        for (String command : List.of("grade", "contact", "deal", "invalid")) {
            rows.add(new Row("POST /api/leads/{leadId}/" + command, Target.DEALER, ScopeMatrixIT::changeById,
                    (key, dealer, region) -> send("POST", "/api/leads/" + newLead(dealer) + "/" + command, key,
                            leadCommand(command))));
        }
        // Follow-ups
        rows.add(new Row("POST /api/follow-ups (leadId)", Target.DEALER, ScopeMatrixIT::recordFollowUp,
                (key, dealer, region) -> {
                    String leadId = newLead(dealer);
                    awaitKnownToFollowUps(leadId);
                    return send("POST", "/api/follow-ups", key, FOLLOW_UP.formatted(leadId, SEQUENCE.incrementAndGet()));
                }));
        rows.add(new Row("GET /api/follow-ups?leadId", Target.DEALER, ScopeMatrixIT::readById, (key, dealer, region) ->
                send("GET", "/api/follow-ups?leadId=" + LEAD_OF.get(dealer), key, null)));
        scopedReads(rows, "/api/follow-ups/due", UNTIL);
        scopedReads(rows, "/api/follow-ups/at-risk-candidates", "");
        rows.add(new Row("GET /api/follow-ups/cadence", Target.NONE, anyone(), (key, dealer, region) ->
                send("GET", "/api/follow-ups/cadence", key, null)));
        rows.add(new Row("PUT /api/follow-ups/cadence (unchanged)", Target.NONE, roles(Role.ADMIN, Role.HQ),
                (key, dealer, region) -> send("PUT", "/api/follow-ups/cadence", key, cadence)));
        // Defeats and callbacks
        rows.add(new Row("POST /api/defeats (leadId)", Target.DEALER, ScopeMatrixIT::changeById, (key, dealer, region) -> {
            String leadId = newLead(dealer);
            awaitKnownToDefeats(leadId);
            return send("POST", "/api/defeats", key, DEFEAT.formatted(leadId, SEQUENCE.incrementAndGet()));
        }));
        rows.add(new Row("GET /api/defeats/{defeatId}", Target.DEALER, ScopeMatrixIT::readById, (key, dealer, region) ->
                send("GET", "/api/defeats/" + DEFEAT_OF.get(dealer), key, null)));
        scopedReads(rows, "/api/defeats", "");
        scopedReads(rows, "/api/defeats/callbacks/due", "");
        rows.add(new Row("POST /api/defeats/{defeatId}/callbacks", Target.DEALER, ScopeMatrixIT::recordCallback,
                (key, dealer, region) -> send("POST", "/api/defeats/" + newDefeat(dealer) + "/callbacks", key, CALLBACK)));
        // Analytics
        for (String read : List.of("structure", "funnel?groupBy=dealer", "response-times?groupBy=dealer", "channels",
                "defeats", "comparison?dimension=industry", "dealers/benchmark?metric=closeRate", "grade-calibration")) {
            String[] pathAndQuery = read.split("\\?");
            scopedReads(rows, "/api/analytics/" + pathAndQuery[0], pathAndQuery.length > 1 ? pathAndQuery[1] : "");
        }
        rows.add(new Row("GET /api/analytics/missed-prospects?region", Target.REGION, ScopeMatrixIT::regionParameter,
                (key, dealer, region) -> send("GET", "/api/analytics/missed-prospects?dimension=industry&region=" + region,
                        key, null)));
        rows.add(new Row("GET /api/analytics/waves?region", Target.REGION, ScopeMatrixIT::regionParameter,
                (key, dealer, region) -> send("GET", "/api/analytics/waves?region=" + region, key, null)));
        rows.add(new Row("GET /api/analytics/waves (no scope)", Target.NONE, roles(Role.ADMIN, Role.HQ, Role.REGION_MANAGER),
                (key, dealer, region) -> send("GET", "/api/analytics/waves", key, null)));
        rows.add(new Row("PUT /api/analytics/findings/{findingId}/assignment", Target.REGION, ScopeMatrixIT::assignFinding,
                (key, dealer, region) -> send("PUT", "/api/analytics/findings/" + missedProspectId(region) + "/assignment",
                        key, ASSIGNMENT.formatted(region))));
        rows.add(new Row("GET /api/analytics/findings/{findingId}", Target.REGION, ScopeMatrixIT::actOnFinding,
                (key, dealer, region) -> send("GET", "/api/analytics/findings/" + missedProspectId(region), key, null)));
        rows.add(new Row("POST /api/analytics/findings/{findingId}/outcomes", Target.REGION, ScopeMatrixIT::actOnFinding,
                (key, dealer, region) -> send("POST", "/api/analytics/findings/" + missedProspectId(region) + "/outcomes",
                        key, VISIT.formatted(region))));
        scopedReads(rows, "/api/analytics/findings", "");
        rows.add(new Row("GET /api/analytics/findings/summary?region", Target.REGION, ScopeMatrixIT::regionParameter,
                (key, dealer, region) -> send("GET", "/api/analytics/findings/summary?region=" + region, key, null)));
        rows.add(new Row("PUT /api/analytics/spend/{dealerId}/{month}", Target.DEALER, ScopeMatrixIT::enterSpend,
                (key, dealer, region) -> send("PUT", "/api/analytics/spend/" + dealer + "/2026-10", key,
                        "{\"total\": 1000}")));
        // A rebuild replays the whole group's read model under the other classes' feet: only its refusals are sent.
        rows.add(new Row("POST /api/analytics/rebuild", Target.NONE,
                (role, dealer, region) -> role == Role.ADMIN ? NOT_SENT : FORBIDDEN,
                (key, dealer, region) -> send("POST", "/api/analytics/rebuild", key, null)));
        return rows;
    }

    /** A list or analytics read three ways: for a dealer, for a region, and with no scope (the caller's own). */
    private static void scopedReads(List<Row> rows, String path, String query) {
        String and = query.isEmpty() ? "" : "&" + query;
        rows.add(new Row("GET " + path + "?dealerId", Target.DEALER, ScopeMatrixIT::dealerParameter,
                (key, dealer, region) -> send("GET", path + "?dealerId=" + dealer + and, key, null)));
        rows.add(new Row("GET " + path + "?region", Target.REGION, ScopeMatrixIT::regionParameter,
                (key, dealer, region) -> send("GET", path + "?region=" + region + and, key, null)));
        rows.add(new Row("GET " + path + " (no scope)", Target.NONE, anyone(),
                (key, dealer, region) -> send("GET", path + (query.isEmpty() ? "" : "?" + query), key, null)));
    }

    // The rules, as api.md states them.

    private static boolean reads(Role role, String dealer) {
        return switch (role) {
            case ADMIN, HQ -> true;
            case REGION_MANAGER -> REGION.equals(REGION_OF.get(dealer));
            case DEALER -> DEALER.equals(dealer);
        };
    }

    private static boolean readsRegion(Role role, String region) {
        return switch (role) {
            case ADMIN, HQ -> true;
            case REGION_MANAGER -> REGION.equals(region);
            case DEALER -> false;
        };
    }

    private static boolean writes(Role role, String dealer) {
        return role == Role.ADMIN || role == Role.DEALER && DEALER.equals(dealer);
    }

    private static Expected readById(Role role, String dealer, String region) {
        return reads(role, dealer) ? DONE : NOT_FOUND;
    }

    private static Expected changeById(Role role, String dealer, String region) {
        if (!reads(role, dealer)) {
            return NOT_FOUND;
        }
        return writes(role, dealer) ? DONE : FORBIDDEN;
    }

    private static Expected dealerParameter(Role role, String dealer, String region) {
        return reads(role, dealer) ? DONE : FORBIDDEN;
    }

    private static Expected regionParameter(Role role, String dealer, String region) {
        return readsRegion(role, region) ? DONE : FORBIDDEN;
    }

    private static Expected postForDealer(Role role, String dealer, String region) {
        return writes(role, dealer) ? DONE : FORBIDDEN;
    }

    /** Only dealers' own keys and ADMIN record follow-ups: any other role is refused before the lead is looked up. */
    private static Expected recordFollowUp(Role role, String dealer, String region) {
        if (role == Role.HQ || role == Role.REGION_MANAGER) {
            return FORBIDDEN;
        }
        return writes(role, dealer) ? DONE : NOT_FOUND;
    }

    /** Callbacks: the dealer, its region's manager and ADMIN; HQ reads the defeat but records none. */
    private static Expected recordCallback(Role role, String dealer, String region) {
        if (!reads(role, dealer)) {
            return NOT_FOUND;
        }
        return role == Role.HQ ? FORBIDDEN : DONE;
    }

    /**
     * HQ, ADMIN and the region's manager assign a region's finding; a DEALER assigns none. ADMIN's row runs
     * first (Role order), so another region's finding exists by the time its manager tries it: as unknown to
     * that key as any finding out of its reach (404).
     */
    private static Expected assignFinding(Role role, String dealer, String region) {
        return switch (role) {
            case ADMIN, HQ -> DONE;
            case REGION_MANAGER -> REGION.equals(region) ? DONE : NOT_FOUND;
            case DEALER -> FORBIDDEN;
        };
    }

    /**
     * Reading an assigned finding or recording its outcome (the assignment row has assigned both regions'
     * by now): HQ, ADMIN and the region's manager; a DEALER only when it owns the finding, which these,
     * given to a named person, it does not.
     */
    private static Expected actOnFinding(Role role, String dealer, String region) {
        return switch (role) {
            case ADMIN, HQ -> DONE;
            case REGION_MANAGER -> REGION.equals(region) ? DONE : NOT_FOUND;
            case DEALER -> NOT_FOUND;
        };
    }

    private static Expected enterSpend(Role role, String dealer, String region) {
        return role == Role.HQ || writes(role, dealer) ? DONE : FORBIDDEN;
    }

    private static Rule roles(Role... allowed) {
        Set<Role> may = new HashSet<>(Arrays.asList(allowed));
        return (role, dealer, region) -> may.contains(role) ? DONE : FORBIDDEN;
    }

    private static Rule anyone() {
        return (role, dealer, region) -> DONE;
    }

    // The requests and what they need.

    private static String lead(String dealer) {
        int n = SEQUENCE.incrementAndGet();
        // Named after the region: other regions' buyer organizations are evidence a regional manager may see (docs/api.md).
        return LEAD.formatted(dealer, n, n, REGION_OF.get(dealer));
    }

    private static String missedProspectId(String region) {
        return Gateway.missedProspectId(region, "JUSTICE");
    }

    private static String leadCommand(String command) {
        return switch (command) {
            case "grade" -> "{\"grade\": \"B\", \"occurredAt\": \"2026-11-04T10:00:00+08:00\"}";
            case "contact" -> "{\"occurredAt\": \"2026-11-04T10:00:00+08:00\"}";
            case "deal" -> "{\"occurredAt\": \"2026-11-05T10:00:00+08:00\", \"model\": \"CS75 PLUS\"}";
            case "invalid" -> "{\"occurredAt\": \"2026-11-05T10:00:00+08:00\", \"reason\": \"NO_INTENT\"}";
            default -> throw new IllegalArgumentException(command);
        };
    }

    private static String dealerKeyRequest(String dealer) {
        return "{\"role\": \"DEALER\", \"dealerId\": \"" + dealer + "\", \"label\": \"scope matrix spare\"}";
    }

    /** A batch answers 200 whatever its items' fate: the cell is the one item's (201 created, or its problem's status). */
    private static Answer batchOfOne(String key, String dealer, String region) {
        Answer batch = send("POST", "/api/leads/batch", key, "{\"items\": [" + lead(dealer) + "]}");
        if (batch.status() != 200) {
            return batch;
        }
        String outcome = JsonPath.read(batch.body(), "$.results[0].outcome");
        int status = "REJECTED".equals(outcome) ? JsonPath.<Integer>read(batch.body(), "$.results[0].problem.status") : 201;
        return new Answer(status, batch.body(), batch.asked());
    }

    private static String newLead(String dealer) {
        Answer created = send("POST", "/api/leads", stack.adminKey(), lead(dealer));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return remember(dealer, JsonPath.read(created.body(), "$.leadId"));
    }

    private static String newDefeat(String dealer) {
        String leadId = newLead(dealer);
        awaitKnownToDefeats(leadId);
        Answer reported = send("POST", "/api/defeats", stack.adminKey(), DEFEAT.formatted(leadId, SEQUENCE.incrementAndGet()));
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        return remember(dealer, JsonPath.read(reported.body(), "$.defeatId"));
    }

    private static String newKeyId(String dealer) {
        Answer issued = send("POST", "/api/keys", stack.adminKey(), dealerKeyRequest(dealer));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return JsonPath.read(issued.body(), "$.keyId");
    }

    private static String remember(String dealer, String id) {
        IDS_OF.computeIfAbsent(dealer, d -> new HashSet<>()).add(id);
        return id;
    }

    private static void awaitKnownToFollowUps(String leadId) {
        await("follow-up service knows lead " + leadId).atMost(DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> send("GET", "/api/follow-ups?leadId=" + leadId, stack.adminKey(), null).status() == 200);
    }

    /** HQ may not report a defeat: 403 once the defeat service knows the lead, 404 before. Nothing is written. */
    private static void awaitKnownToDefeats(String leadId) {
        await("defeat service knows lead " + leadId).atMost(DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> send("POST", "/api/defeats", KEYS.get(Role.HQ), DEFEAT.formatted(leadId, 0)).status() == 403);
    }

    /** Until a service knows which region a dealer is in, it cannot tell a regional manager's own dealers. */
    private static void awaitEveryServiceKnowsTheRegionsDealers() {
        for (String path : List.of("/api/follow-ups/due?" + UNTIL + "&dealerId=", "/api/defeats?dealerId=",
                "/api/analytics/structure?dealerId=")) {
            for (String dealer : List.of(DEALER, NEIGHBOUR)) {
                await("region of " + dealer + " known at " + path).atMost(DEADLINE).pollInterval(Duration.ofMillis(100))
                        .until(() -> send("GET", path + dealer, KEYS.get(Role.REGION_MANAGER), null).status() == 200);
            }
        }
    }

    /**
     * One request, asked again while the gateway answers "not now" (502, 503, 504) or the client times out:
     * a service too slow on a busy machine says nothing about scopes. Every write here is safe to repeat.
     */
    private static Answer send(String method, String path, String key, String json) {
        return await(method + " " + path + " answered").atMost(Duration.ofMinutes(2))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                .ignoreException(HttpTimeoutException.class)
                .until(() -> {
                    HttpResponse<String> response = Gateway.call(stack, method, path, key, json);
                    return new Answer(response.statusCode(), response.body(), path + " " + json);
                }, answer -> !NOT_NOW.contains(answer.status()));
    }

    /**
     * What an answer to this role shows that it may not see: the id of a dealer it may not see, or of one
     * of their leads or defeats, unless the caller itself sent that id.
     */
    private static String leakIn(Role role, Answer answer) {
        for (String dealer : REGION_OF.keySet()) {
            if (reads(role, dealer)) {
                continue;
            }
            Set<String> hidden = new HashSet<>(IDS_OF.getOrDefault(dealer, Set.of()));
            hidden.add(dealer);
            for (String id : hidden) {
                if (answer.body().contains(id) && !answer.asked().contains(id)) {
                    return "shows " + id + " of " + dealer;
                }
            }
        }
        return null;
    }

    enum Target { NONE, DEALER, REGION }

    @FunctionalInterface
    interface Rule {
        Expected expect(Role role, String dealer, String region);
    }

    @FunctionalInterface
    interface Request {
        Answer send(String key, String dealer, String region);
    }

    /** @param asked the request's path and body */
    record Answer(int status, String body, String asked) {}

    record Row(String name, Target target, Rule rule, Request request) {

        Cell run(Role role, Side side) {
            String dealer = side == Side.OWN ? DEALER : role == Role.DEALER ? NEIGHBOUR : FAR_DEALER;
            String region = side == Side.OWN ? REGION : OTHER_REGION;
            Expected expected = rule.expect(role, dealer, region);
            if (expected == NOT_SENT) {
                return new Cell(NOT_SENT, 0, null);
            }
            Answer answer = request.send(KEYS.get(role), dealer, region);
            String leaked = leakIn(role, answer);
            return new Cell(expected, answer.status(), leaked);
        }
    }
}
