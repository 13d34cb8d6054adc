package com.dealerradar.analytics;

import static com.dealerradar.analytics.support.DataSets.TARGET_REGION;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.analytics.finding.domain.FindingId;
import com.dealerradar.analytics.generation.application.ReadModel;
import com.dealerradar.analytics.generation.application.ReadModels;
import com.dealerradar.analytics.support.DataSets;
import com.dealerradar.analytics.support.Events;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.InternalToken;
import com.dealerradar.platform.security.Role;
import com.dealerradar.testkit.RadarInfrastructure;
import com.dealerradar.testkit.SharedInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Acting on a finding over HTTP, on the embedded store: assignments, outcomes and their retries, the
 * lists, the summary against hand-computed numbers, the scope of each role and refused input. Each test
 * works in regions of its own, since the store is shared by the whole run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RadarInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FindingsIT {

    private static final InternalToken TOKENS = new InternalToken(SharedInfrastructure.INTERNAL_TOKEN_SECRET);
    private static final Caller HQ = new Caller("hq", Role.HQ, null, null);
    private static final Caller ADMIN = new Caller("admin", Role.ADMIN, null, null);
    private static final String SEPTEMBER = "from=2026-09-01&to=2026-09-30";
    private static final ZoneId GROUP_ZONE = ZoneId.of("Asia/Shanghai");
    private static final OffsetDateTime AN_HOUR_AGO = OffsetDateTime.now(GROUP_ZONE).minusHours(1).withNano(0);

    @LocalServerPort
    int port;
    @Autowired
    ReadModels models;
    private WebTestClient client;

    @BeforeAll
    void load() {
        ReadModel live = models.active();
        DataSets.directory().forEach(event -> live.applyDirectory(event).block());
        for (String dealer : List.of("D-XL-01", "D-XL-02")) {
            live.applyDirectory(Events.dealer(dealer, "Xilingol")).block();
        }
        live.applyDirectory(Events.dealer("D-BY-01", "Bayannur")).block();
        live.applyDirectory(Events.dealer("D-TL-01", "Tongliao")).block();
        DataSets.prospects().forEach(event -> live.applyLeadEvent(event).block(Duration.ofSeconds(10)));
        live.refresher().flush().block(Duration.ofSeconds(60));
    }

    @Test
    void anAssignmentIsReplacedByTheNextAndShowsOnTheMissedProspect() {
        String id = FindingId.missedProspect(TARGET_REGION, "industry", "JUSTICE");
        assign(HQ, id, missedProspect(TARGET_REGION, "JUSTICE"), dealerOwner("D-CH-01"), "2026-12-15", "court first")
                .expectStatus().isOk().expectBody()
                .jsonPath("$.findingId").isEqualTo(id)
                .jsonPath("$.finding.kind").isEqualTo("MISSED_PROSPECT")
                .jsonPath("$.finding.regions").isEqualTo(List.of(TARGET_REGION))
                .jsonPath("$.state").isEqualTo("OPEN")
                .jsonPath("$.overdue").isEqualTo(false)
                .jsonPath("$.assignment.owner.dealerId").isEqualTo("D-CH-01")
                .jsonPath("$.assignment.dueDate").isEqualTo("2026-12-15")
                .jsonPath("$.assignment.note").isEqualTo("court first")
                .jsonPath("$.version").isEqualTo(1);
        Caller chifengManager = new Caller("rm-cf", Role.REGION_MANAGER, null, TARGET_REGION);
        assign(chifengManager, id, missedProspect(TARGET_REGION, "JUSTICE"), personOwner("Zhao Min"), "2026-12-20",
                null).expectStatus().isOk().expectBody()
                .jsonPath("$.assignment.owner.name").isEqualTo("Zhao Min")
                .jsonPath("$.assignment.owner.dealerId").doesNotExist()
                .jsonPath("$.previousAssignments[0].owner.dealerId").isEqualTo("D-CH-01")
                .jsonPath("$.earlierAssignments").isEqualTo(0)
                .jsonPath("$.version").isEqualTo(2);
        // The same assignment again (a retried PUT) changes nothing.
        assign(chifengManager, id, missedProspect(TARGET_REGION, "JUSTICE"), personOwner("Zhao Min"), "2026-12-20",
                null).expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2);
        assign(HQ, id, missedProspect(TARGET_REGION, "JUSTICE"), dealerOwner("D-CH-01"), "2026-12-15", null)
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(3);
        outcome(new Caller("k-ch", Role.DEALER, "D-CH-01", null), id, "VISITED", null, null, "visit-1")
                .expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("VISITED");

        get(HQ, "/api/analytics/missed-prospects?region=Chifeng&dimension=industry&" + SEPTEMBER)
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].value").isEqualTo("JUSTICE")
                .jsonPath("$.items[0].findingId").isEqualTo(id)
                .jsonPath("$.items[0].assignment.owner.dealerId").isEqualTo("D-CH-01")
                .jsonPath("$.items[0].assignment.dueDate").isEqualTo("2026-12-15")
                .jsonPath("$.items[0].assignment.latestOutcome").isEqualTo("VISITED")
                .jsonPath("$.items[0].here.leads").isEqualTo(5);
        get(HQ, "/api/analytics/missed-prospects?region=Chifeng&dimension=industryModel&" + SEPTEMBER)
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].findingId")
                .isEqualTo(FindingId.missedProspect(TARGET_REGION, "industryModel", "JUSTICE/CS75 PLUS"))
                .jsonPath("$.items[0].assignment").doesNotExist();
    }

    @Test
    void anOutcomeRetriedWithItsExternalRefCountsOnce() {
        String id = FindingId.missedProspect("Tongliao", "industry", "FINANCE");
        Caller dealer = new Caller("k-tl", Role.DEALER, "D-TL-01", null);
        outcome(dealer, id, "VISITED", null, null, "v-1").expectStatus().isNotFound().expectBody().returnResult();
        assign(HQ, id, missedProspect("Tongliao", "FINANCE"), dealerOwner("D-TL-01"), "2026-12-31", null)
                .expectStatus().isOk().expectBody().returnResult();
        outcome(dealer, id, "VISITED", null, null, "v-1").expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("VISITED")
                .jsonPath("$.latestOutcome").isEqualTo("VISITED")
                .jsonPath("$.outcomes.length()").isEqualTo(1)
                .jsonPath("$.outcomes[0].externalRef").isEqualTo("v-1")
                .jsonPath("$.version").isEqualTo(2);
        outcome(dealer, id, "VISITED", null, null, "v-1").expectStatus().isOk().expectBody()
                .jsonPath("$.outcomes.length()").isEqualTo(1)
                .jsonPath("$.version").isEqualTo(2);
        outcome(dealer, id, "DROPPED", null, "no budget", "v-1").expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.status").isEqualTo(409);
        outcome(dealer, id, "VISITED", null, null, "v-2").expectStatus().isEqualTo(409).expectBody().returnResult();
        outcome(dealer, id, "LEAD_CREATED", "lead-77", null, "l-1").expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("LEAD_CREATED")
                .jsonPath("$.outcomes[1].leadId").isEqualTo("lead-77");
        outcome(dealer, id, "WON", "lead-77", null, null).expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("WON");
        outcome(dealer, id, "DROPPED", null, "changed their mind", null).expectStatus().isEqualTo(409).expectBody()
                .returnResult();
        assign(HQ, id, missedProspect("Tongliao", "FINANCE"), personOwner("someone else"), "2027-01-31", null)
                .expectStatus().isEqualTo(409).expectBody().returnResult();
        get(HQ, "/api/analytics/findings/" + id).expectStatus().isOk().expectBody()
                .jsonPath("$.outcomes[*].outcome").isEqualTo(List.of("VISITED", "LEAD_CREATED", "WON"))
                .jsonPath("$.version").isEqualTo(4);
    }

    @Test
    void theSummaryCountsWhatCameOfTheFindingsAssignedInThePeriod() {
        // Xilingol: five missed prospects and a wave (Xilingol and Bayannur) are assigned today. Outcomes:
        // A VISITED; B VISITED then LEAD_CREATED; C WON; D DROPPED; E and the wave none (E reassigned, past due).
        for (String value : List.of("A", "B", "C", "D", "E")) {
            assign(HQ, xilingol(value), missedProspect("Xilingol", value), dealerOwner("D-XL-01"), "2026-12-" + (10
                    + value.charAt(0) - 'A'), null).expectStatus().isOk().expectBody().returnResult();
        }
        String wave = FindingId.wave("POWER_UTILITY", LocalDate.of(2026, 11, 20));
        assign(HQ, wave, wave("POWER_UTILITY", "2026-11-20", "Xilingol", "Bayannur"), personOwner("Gao Jun"),
                "2026-12-05", null).expectStatus().isOk().expectBody()
                .jsonPath("$.finding.regions").isEqualTo(List.of("Bayannur", "Xilingol"));
        Caller dealer = new Caller("k-xl", Role.DEALER, "D-XL-01", null);
        outcome(dealer, xilingol("A"), "VISITED", null, null, null).expectStatus().isOk().expectBody().returnResult();
        outcome(dealer, xilingol("B"), "VISITED", null, null, null).expectStatus().isOk().expectBody().returnResult();
        outcome(dealer, xilingol("B"), "LEAD_CREATED", null, null, null).expectStatus().isOk().expectBody().returnResult();
        outcome(dealer, xilingol("C"), "WON", null, null, null).expectStatus().isOk().expectBody().returnResult();
        outcome(dealer, xilingol("D"), "DROPPED", null, "bought elsewhere last year", null).expectStatus().isOk()
                .expectBody().returnResult();
        assign(HQ, xilingol("E"), missedProspect("Xilingol", "E"), dealerOwner("D-XL-02"), "2026-11-01", "late")
                .expectStatus().isOk().expectBody().jsonPath("$.overdue").isEqualTo(true);

        LocalDate today = LocalDate.now(GROUP_ZONE);
        String period = "&from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
        get(HQ, "/api/analytics/findings/summary?region=Xilingol" + period).expectStatus().isOk().expectBody()
                .jsonPath("$.region").isEqualTo("Xilingol")
                .jsonPath("$.assigned").isEqualTo(6)
                .jsonPath("$.open").isEqualTo(2)
                .jsonPath("$.actedOn").isEqualTo(4)
                .jsonPath("$.byOutcome.VISITED").isEqualTo(1)
                .jsonPath("$.byOutcome.LEAD_CREATED").isEqualTo(1)
                .jsonPath("$.byOutcome.WON").isEqualTo(1)
                .jsonPath("$.byOutcome.DROPPED").isEqualTo(1);
        get(new Caller("rm-by", Role.REGION_MANAGER, null, "Bayannur"), "/api/analytics/findings/summary?" + period)
                .expectStatus().isOk().expectBody()
                .jsonPath("$.region").isEqualTo("Bayannur")
                .jsonPath("$.assigned").isEqualTo(1)
                .jsonPath("$.open").isEqualTo(1)
                .jsonPath("$.actedOn").isEqualTo(0);
        get(HQ, "/api/analytics/findings/summary?region=Xilingol&from=" + today.plusDays(2)).expectStatus().isOk()
                .expectBody().jsonPath("$.assigned").isEqualTo(0);

        // Lists: earliest due first; OVERDUE is open and past its due date.
        get(HQ, "/api/analytics/findings?region=Xilingol").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(6)
                .jsonPath("$.items[*].findingId").isEqualTo(List.of(xilingol("E"), wave, xilingol("A"),
                        xilingol("B"), xilingol("C"), xilingol("D")));
        get(HQ, "/api/analytics/findings?region=Xilingol&state=OPEN").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.items[*].findingId").isEqualTo(List.of(xilingol("E"), wave));
        get(HQ, "/api/analytics/findings?region=Xilingol&state=OVERDUE").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].findingId").isEqualTo(xilingol("E"))
                .jsonPath("$.items[0].overdue").isEqualTo(true);
        get(HQ, "/api/analytics/findings?region=Xilingol&state=LEAD_CREATED").expectStatus().isOk().expectBody()
                .jsonPath("$.items[*].findingId").isEqualTo(List.of(xilingol("B")));
        get(HQ, "/api/analytics/findings?region=Xilingol&page=1&size=4").expectStatus().isOk().expectBody()
                .jsonPath("$.page").isEqualTo(1)
                .jsonPath("$.size").isEqualTo(4)
                .jsonPath("$.total").isEqualTo(6)
                .jsonPath("$.items[*].findingId").isEqualTo(List.of(xilingol("C"), xilingol("D")));
        // The reassigned finding left its first owner's list.
        get(HQ, "/api/analytics/findings?dealerId=D-XL-02").expectStatus().isOk().expectBody()
                .jsonPath("$.items[*].findingId").isEqualTo(List.of(xilingol("E")));
        get(dealer, "/api/analytics/findings").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(4);
    }

    @Test
    void eachRoleReachesOnlyItsFindings() {
        String hohhot = FindingId.missedProspect("Hohhot", "industry", "TELECOM");
        String person = FindingId.missedProspect("Hohhot", "industry", "RETAIL");
        Caller hohhotManager = new Caller("rm-ho", Role.REGION_MANAGER, null, "Hohhot");
        Caller baotouManager = new Caller("rm-ba", Role.REGION_MANAGER, null, "Baotou");
        Caller hohhotDealer = new Caller("k-ho", Role.DEALER, "D-HO-01", null);
        Caller baotouDealer = new Caller("k-ba", Role.DEALER, "D-BA-01", null);
        assign(hohhotManager, hohhot, missedProspect("Hohhot", "TELECOM"), dealerOwner("D-HO-01"), "2026-12-31", null)
                .expectStatus().isOk().expectBody().returnResult();
        assign(ADMIN, person, missedProspect("Hohhot", "RETAIL"), personOwner("Li Na"), "2026-12-31", null)
                .expectStatus().isOk().expectBody().returnResult();

        // Another region's manager: its finding is not found, a new one of that region is out of scope.
        get(baotouManager, "/api/analytics/findings/" + hohhot).expectStatus().isNotFound().expectBody()
                .jsonPath("$.status").isEqualTo(404);
        outcome(baotouManager, hohhot, "VISITED", null, null, null).expectStatus().isNotFound().expectBody().returnResult();
        assign(baotouManager, hohhot, missedProspect("Hohhot", "TELECOM"), dealerOwner("D-BA-01"), "2026-12-31", null)
                .expectStatus().isNotFound().expectBody().returnResult();
        String fresh = FindingId.missedProspect("Hohhot", "industry", "EDUCATION");
        assign(baotouManager, fresh, missedProspect("Hohhot", "EDUCATION"), personOwner("x"), "2026-12-31", null)
                .expectStatus().isForbidden().expectBody().returnResult();
        get(baotouManager, "/api/analytics/findings?region=Hohhot").expectStatus().isForbidden().expectBody().returnResult();
        get(baotouManager, "/api/analytics/findings?dealerId=D-HO-01").expectStatus().isForbidden().expectBody().returnResult();
        get(baotouManager, "/api/analytics/findings/summary?region=Hohhot").expectStatus().isForbidden().expectBody()
                .returnResult();
        get(hohhotManager, "/api/analytics/findings/" + hohhot).expectStatus().isOk().expectBody().returnResult();
        get(hohhotManager, "/api/analytics/findings").expectStatus().isOk().expectBody()
                .jsonPath("$.items[*].findingId").value(ids -> assertThat(ids).asInstanceOf(InstanceOfAssertFactories.LIST)
                        .contains(hohhot, person));

        // A dealer: the findings assigned to it, read and acted on; nothing else.
        get(hohhotDealer, "/api/analytics/findings/" + hohhot).expectStatus().isOk().expectBody().returnResult();
        get(hohhotDealer, "/api/analytics/findings/" + person).expectStatus().isNotFound().expectBody().returnResult();
        get(baotouDealer, "/api/analytics/findings/" + hohhot).expectStatus().isNotFound().expectBody().returnResult();
        outcome(baotouDealer, hohhot, "VISITED", null, null, null).expectStatus().isNotFound().expectBody().returnResult();
        outcome(hohhotDealer, person, "VISITED", null, null, null).expectStatus().isNotFound().expectBody().returnResult();
        outcome(hohhotDealer, hohhot, "VISITED", null, null, null).expectStatus().isOk().expectBody().returnResult();
        assign(hohhotDealer, hohhot, missedProspect("Hohhot", "TELECOM"), dealerOwner("D-HO-01"), "2027-01-31", null)
                .expectStatus().isForbidden().expectBody().returnResult();
        get(hohhotDealer, "/api/analytics/findings").expectStatus().isOk().expectBody()
                .jsonPath("$.items[*].findingId").isEqualTo(List.of(hohhot));
        get(hohhotDealer, "/api/analytics/findings?region=Hohhot").expectStatus().isForbidden().expectBody().returnResult();
        get(hohhotDealer, "/api/analytics/findings?dealerId=D-BA-01").expectStatus().isForbidden().expectBody()
                .returnResult();
        get(hohhotDealer, "/api/analytics/findings/summary").expectStatus().isForbidden().expectBody().returnResult();

        // HQ: everything.
        outcome(HQ, person, "DROPPED", null, "closed down", null).expectStatus().isOk().expectBody().returnResult();
        get(HQ, "/api/analytics/findings?dealerId=D-HO-01").expectStatus().isOk().expectBody()
                .jsonPath("$.items[*].findingId").isEqualTo(List.of(hohhot));
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        String id = FindingId.missedProspect("Ordos", "industry", "MINING_ENERGY");
        assign(HQ, id, missedProspect("Ordos", "HEALTHCARE"), dealerOwner("D-OR-01"), "2026-12-31", null)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("finding");
        assign(HQ, id, missedProspect("Ordos", "MINING_ENERGY"), dealerOwner("D-OR-01"), null, null)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("dueDate");
        assign(HQ, id, missedProspect("Ordos", "MINING_ENERGY"), dealerOwner("D-NOBODY"), "2026-12-31", null)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("owner.dealerId");
        assign(HQ, id, missedProspect("Ordos", "MINING_ENERGY"), dealerOwner("D-HO-01"), "2026-12-31", null)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("owner.dealerId");
        assign(HQ, id, missedProspect("Ordos", "MINING_ENERGY"), "{}", "2026-12-31", null)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("owner");
        put(HQ, id, "{\"finding\": {\"kind\": \"RUMOUR\"}}").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.status").isEqualTo(400);
        put(HQ, id, "{\"finding\": ").expectStatus().isBadRequest().expectBody().jsonPath("$.status").isEqualTo(400);
        get(HQ, "/api/analytics/findings/" + id).expectStatus().isNotFound().expectBody().returnResult();

        assign(HQ, id, missedProspect("Ordos", "MINING_ENERGY"), dealerOwner("D-OR-01"), "2026-12-31", null)
                .expectStatus().isOk().expectBody().returnResult();
        outcome(HQ, id, "DROPPED", null, null, null).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("reason");
        post(HQ, id, "{\"outcome\": \"VISITED\"}").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("at");
        post(HQ, id, "{\"outcome\": \"VISITED\", \"at\": \"" + OffsetDateTime.now(GROUP_ZONE).plusDays(1) + "\"}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("at");
        get(HQ, "/api/analytics/findings?state=SOMEDAY").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("state");
        get(HQ, "/api/analytics/findings?size=0").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("size");
        get(HQ, "/api/analytics/findings?region=Ordos&dealerId=D-OR-01").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("region");
        get(HQ, "/api/analytics/findings/summary?from=2026-13-01").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("from");
        get(HQ, "/api/analytics/findings/summary?from=2026-12-02&to=2026-12-01").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
        get(HQ, "/api/analytics/findings/" + id).expectStatus().isOk().expectBody()
                .jsonPath("$.outcomes.length()").isEqualTo(0)
                .jsonPath("$.version").isEqualTo(1);
    }

    private static String xilingol(String value) {
        return FindingId.missedProspect("Xilingol", "industry", value);
    }

    private static String missedProspect(String region, String value) {
        return "{\"kind\": \"MISSED_PROSPECT\", \"region\": \"" + region + "\", \"dimension\": \"industry\", "
                + "\"value\": \"" + value + "\"}";
    }

    private static String wave(String industry, String opensOn, String... regions) {
        return "{\"kind\": \"WAVE\", \"industry\": \"" + industry + "\", \"opensOn\": \"" + opensOn
                + "\", \"regions\": [\"" + String.join("\", \"", regions) + "\"]}";
    }

    private static String dealerOwner(String dealerId) {
        return "{\"dealerId\": \"" + dealerId + "\"}";
    }

    private static String personOwner(String name) {
        return "{\"name\": \"" + name + "\"}";
    }

    private WebTestClient.ResponseSpec assign(Caller caller, String findingId, String finding, String owner,
            String dueDate, String note) {
        String body = "{\"finding\": " + finding + ", \"owner\": " + owner
                + (dueDate == null ? "" : ", \"dueDate\": \"" + dueDate + "\"")
                + (note == null ? "" : ", \"note\": \"" + note + "\"") + "}";
        return put(caller, findingId, body);
    }

    private WebTestClient.ResponseSpec outcome(Caller caller, String findingId, String outcome, String leadId,
            String reason, String externalRef) {
        String body = "{\"outcome\": \"" + outcome + "\", \"at\": \"" + AN_HOUR_AGO + "\""
                + (leadId == null ? "" : ", \"leadId\": \"" + leadId + "\"")
                + (reason == null ? "" : ", \"reason\": \"" + reason + "\"")
                + (externalRef == null ? "" : ", \"externalRef\": \"" + externalRef + "\"") + "}";
        return post(caller, findingId, body);
    }

    private WebTestClient.ResponseSpec put(Caller caller, String findingId, String json) {
        return client().put().uri("/api/analytics/findings/" + findingId + "/assignment")
                .header("Authorization", bearer(caller)).contentType(MediaType.APPLICATION_JSON).bodyValue(json)
                .exchange();
    }

    private WebTestClient.ResponseSpec post(Caller caller, String findingId, String json) {
        return client().post().uri("/api/analytics/findings/" + findingId + "/outcomes")
                .header("Authorization", bearer(caller)).contentType(MediaType.APPLICATION_JSON).bodyValue(json)
                .exchange();
    }

    private WebTestClient.ResponseSpec get(Caller caller, String uri) {
        return client().get().uri(uri).header("Authorization", bearer(caller)).exchange();
    }

    /** One client for the class: a client per request piles up connections and event loops. */
    private WebTestClient client() {
        if (client == null) {
            client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                    .responseTimeout(Duration.ofSeconds(20)).build();
        }
        return client;
    }

    private static String bearer(Caller caller) {
        return "Bearer " + TOKENS.sign(caller, "analytics-service", Instant.now());
    }
}
