package com.dealerradar.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealerradar.analytics.finding.domain.FindingId;
import com.dealerradar.analytics.support.AnalyticsReads;
import com.dealerradar.analytics.support.Events;
import com.dealerradar.analytics.support.Rebuilds;
import com.dealerradar.analytics.support.TopicPublisher;
import com.dealerradar.events.EventEnvelope;
import com.dealerradar.events.EventJson;
import com.dealerradar.events.EventTypes;
import com.dealerradar.events.lead.LeadCaptured;
import com.dealerradar.events.lead.LeadWon;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.Role;
import com.dealerradar.testkit.Namespace;
import com.dealerradar.testkit.RadarInfrastructure;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The seed's case B through the real broker, every capture delivered twice: power utilities in Jining
 * (Ulanqab), Chifeng and Ulanhot (Hinggan) ask about bulk purchases in December 2025, near the budget
 * year-end. Tongliao sold to power utilities in 2023 and 2024 but has no inquiry now; Baotou never had
 * one; Hohhot's courts ask three times, a burst of one region. Expectations by hand, below.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RadarInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndustryWavesIT {

    private static final String POWER = "POWER_UTILITY";
    private static final String DECEMBER = "/api/analytics/waves?from=2025-12-01&to=2025-12-31";
    private static final Caller HQ = new Caller("hq", Role.HQ, null, null);
    private static final Caller CHIFENG_MANAGER = new Caller("rm-cf", Role.REGION_MANAGER, null, "Chifeng");
    private static final Caller TONGLIAO_MANAGER = new Caller("rm-tl", Role.REGION_MANAGER, null, "Tongliao");
    private static final Caller BAOTOU_MANAGER = new Caller("rm-bt", Role.REGION_MANAGER, null, "Baotou");
    private static final Caller CHIFENG_DEALER = new Caller("d-cf", Role.DEALER, "D-CF-01", null);

    @LocalServerPort
    int port;

    private final Namespace namespace = Namespace.of(getClass());
    private AnalyticsReads reads;

    @BeforeAll
    void publish() {
        reads = new AnalyticsReads(port);
        List<EventEnvelope> events = new ArrayList<>();
        // December 2025: Ulanqab 6 + 10, Chifeng 20, Hinggan 12 vehicles: 4 inquiries, 48 vehicles
        events.add(captured("pu-jn-1", "D-UL-01", "Ulanqab", "2025-12-01", POWER, "State Grid Jining", 6));
        events.add(captured("pu-cf-1", "D-CF-01", "Chifeng", "2025-12-08", POWER, "State Grid Chifeng", 20));
        events.add(captured("pu-jn-2", "D-UL-01", "Ulanqab", "2025-12-12", POWER, "Jining Power Construction", 10));
        events.add(captured("pu-hg-1", "D-HG-01", "Hinggan", "2025-12-20", POWER, "State Grid Ulanhot", 12));
        // the past: Tongliao won power utilities in Dec 2023 (10 vehicles) and Dec 2024 (5), Chifeng in Nov 2024 (8)
        events.add(captured("pu-tl-23", "D-TL-01", "Tongliao", "2023-12-10", POWER, "State Grid Tongliao", 10));
        events.add(won("pu-tl-23", "D-TL-01", "Tongliao", "2023-12-20", 10));
        events.add(captured("pu-tl-24", "D-TL-01", "Tongliao", "2024-11-20", POWER, "Tongliao Grid Works", 5));
        events.add(won("pu-tl-24", "D-TL-01", "Tongliao", "2024-12-05", 5));
        events.add(captured("pu-cf-24", "D-CF-01", "Chifeng", "2024-11-05", POWER, "State Grid Chifeng", 8));
        events.add(won("pu-cf-24", "D-CF-01", "Chifeng", "2024-11-25", 8));
        // Baotou: a court, never a power utility; Hohhot: courts three times in December, one region alone
        events.add(captured("ct-bt-24", "D-BT-01", "Baotou", "2024-06-03", "COURT", "Baotou Intermediate Court", 1));
        events.add(captured("ct-ho-1", "D-HO-01", "Hohhot", "2025-12-02", "COURT", "Hohhot Court", 2));
        events.add(captured("ct-ho-2", "D-HO-01", "Hohhot", "2025-12-03", "COURT", "Saihan District Court", 2));
        events.add(captured("ct-ho-3", "D-HO-01", "Hohhot", "2025-12-05", "COURT", "Hohhot Justice Bureau", 2));
        try (TopicPublisher topics = new TopicPublisher(namespace)) {
            for (String[] dealer : new String[][] {{"D-UL-01", "Ulanqab"}, {"D-CF-01", "Chifeng"}, {"D-HG-01", "Hinggan"},
                    {"D-TL-01", "Tongliao"}, {"D-BT-01", "Baotou"}, {"D-HO-01", "Hohhot"}}) {
                topics.dealer(Events.dealer(dealer[0], dealer[1]));
            }
            for (EventEnvelope event : events) {
                topics.event(event);
                topics.event(event);
            }
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                get(HQ, DECEMBER).expectStatus().isOk().expectBody()
                        .jsonPath("$.items.length()").isEqualTo(1)
                        .jsonPath("$.items[0].inquiries").isEqualTo(4)
                        .jsonPath("$.items[0].pastDeals.vehiclesSold").isEqualTo(23)
                        .jsonPath("$.items[0].notYetInquired.length()").isEqualTo(1));
    }

    @Test
    void caseBIsOneWaveWithItsRegionsOrganizationsVehiclesAndThePast() {
        get(HQ, DECEMBER).expectStatus().isOk().expectBody()
                .jsonPath("$.windowDays").isEqualTo(30)
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].findingId").isEqualTo(FindingId.wave(POWER, LocalDate.of(2025, 12, 1)))
                .jsonPath("$.items[0].industry").isEqualTo(POWER)
                .jsonPath("$.items[0].from").isEqualTo("2025-12-01")
                .jsonPath("$.items[0].to").isEqualTo("2025-12-30")
                // each capture came twice and counts once
                .jsonPath("$.items[0].inquiries").isEqualTo(4)
                .jsonPath("$.items[0].vehicles").isEqualTo(48)
                .jsonPath("$.items[0].regions[*].region").isEqualTo(List.of("Chifeng", "Ulanqab", "Hinggan"))
                .jsonPath("$.items[0].regions[0].vehicles").isEqualTo(20)
                .jsonPath("$.items[0].regions[0].organizations[0].name").isEqualTo("State Grid Chifeng")
                .jsonPath("$.items[0].regions[1].inquiries").isEqualTo(2)
                .jsonPath("$.items[0].regions[1].vehicles").isEqualTo(16)
                .jsonPath("$.items[0].regions[1].organizations[*].name")
                        .isEqualTo(List.of("Jining Power Construction", "State Grid Jining"))
                .jsonPath("$.items[0].regions[1].moreOrganizations").isEqualTo(0)
                .jsonPath("$.items[0].regions[2].organizations[0].vehicles").isEqualTo(12)
                // 2022..2024: one deal in November (Chifeng), two in December (Tongliao), 8 + 10 + 5 vehicles
                .jsonPath("$.items[0].pastDeals.years").isEqualTo(List.of(2022, 2023, 2024))
                .jsonPath("$.items[0].pastDeals.dealsByMonth").isEqualTo(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2))
                .jsonPath("$.items[0].pastDeals.vehiclesSold").isEqualTo(23)
                // Chifeng had power utilities too, but it inquired; Hinggan had none before
                .jsonPath("$.items[0].notYetInquired[0].region").isEqualTo("Tongliao")
                .jsonPath("$.items[0].notYetInquired[0].leads").isEqualTo(2)
                .jsonPath("$.items[0].notYetInquired[0].won").isEqualTo(2);
    }

    @Test
    void aShorterWindowFindsTheWaveThatTwoRegionsMakeInFiveDays() {
        // Dec 1..5 holds Ulanqab alone; Dec 8..12 holds Chifeng (20) and Ulanqab (10); Dec 20 Hinggan is alone after it
        get(HQ, DECEMBER + "&windowDays=5").expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].findingId").isEqualTo(FindingId.wave(POWER, LocalDate.of(2025, 12, 8)))
                .jsonPath("$.items[0].from").isEqualTo("2025-12-08")
                .jsonPath("$.items[0].to").isEqualTo("2025-12-12")
                .jsonPath("$.items[0].inquiries").isEqualTo(2)
                .jsonPath("$.items[0].vehicles").isEqualTo(30)
                .jsonPath("$.items[0].regions[*].region").isEqualTo(List.of("Chifeng", "Ulanqab"));
    }

    @Test
    void theWaveIsSeenByHeadquartersAndTheRegionsItConcerns() {
        get(new Caller("admin", Role.ADMIN, null, null), DECEMBER).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1);
        get(CHIFENG_MANAGER, DECEMBER).expectStatus().isOk().expectBody()
                .jsonPath("$.region").isEqualTo("Chifeng")
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].regions.length()").isEqualTo(3);
        get(TONGLIAO_MANAGER, DECEMBER).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1);
        get(BAOTOU_MANAGER, DECEMBER).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(0);
        get(HQ, DECEMBER + "&region=Baotou").expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(0);
        get(HQ, DECEMBER + "&region=Hinggan").expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1);
    }

    @Test
    void aWaveGivenToSomeoneToActOnShowsWhoAndByWhen() {
        String id = FindingId.wave(POWER, LocalDate.of(2025, 12, 1));
        reads.client(HQ).put().uri("/api/analytics/findings/" + id + "/assignment")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        {"finding": {"kind": "WAVE", "industry": "POWER_UTILITY", "opensOn": "2025-12-01",
                                     "regions": ["Chifeng", "Ulanqab", "Hinggan"]},
                         "owner": {"name": "Zhao Min"}, "dueDate": "2026-01-15"}""")
                .exchange().expectStatus().isOk();

        get(HQ, DECEMBER).expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].findingId").isEqualTo(id)
                .jsonPath("$.items[0].assignment.owner.name").isEqualTo("Zhao Min")
                .jsonPath("$.items[0].assignment.dueDate").isEqualTo("2026-01-15")
                .jsonPath("$.items[0].assignment.latestOutcome").doesNotExist();
        get(HQ, DECEMBER + "&windowDays=5").expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].assignment").doesNotExist();
    }

    @Test
    void aDealerAndAManagerOutsideItsRegionAreForbidden() {
        forbidden(CHIFENG_DEALER, DECEMBER);
        forbidden(CHIFENG_DEALER, DECEMBER + "&region=Chifeng");
        forbidden(BAOTOU_MANAGER, DECEMBER + "&region=Chifeng");
    }

    @Test
    void badInputIsA400NamingTheField() {
        badRequest(DECEMBER + "&windowDays=0", "windowDays");
        badRequest(DECEMBER + "&windowDays=91", "windowDays");
        badRequest(DECEMBER + "&windowDays=many", "windowDays");
        badRequest("/api/analytics/waves?from=2025-12-31&to=2025-12-01", "to");
        badRequest("/api/analytics/waves?from=2025-01-01&to=2025-12-31", "from");
        badRequest("/api/analytics/waves?from=2025-12-32&to=2025-12-31", "from");
    }

    @Test
    void aRebuildFromTheTopicsAnswersTheSame() {
        String before = body(HQ, DECEMBER);
        Rebuilds rebuilds = new Rebuilds(reads);
        String status = rebuilds.awaitEnd(rebuilds.start());
        assertThat(JsonPath.<String>read(status, "$.state")).isEqualTo("SWITCHED");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(body(HQ, DECEMBER)).isEqualTo(before));
    }

    private WebTestClient.ResponseSpec get(Caller caller, String uri) {
        return reads.client(caller).get().uri(uri).exchange();
    }

    private String body(Caller caller, String uri) {
        return get(caller, uri).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private void forbidden(Caller caller, String uri) {
        get(caller, uri).expectStatus().isForbidden().expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.status").isEqualTo(403);
    }

    private void badRequest(String uri, String field) {
        get(HQ, uri).expectStatus().isBadRequest().expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    private static OffsetDateTime at(String day) {
        return OffsetDateTime.parse(day + "T10:00:00+08:00");
    }

    private static EventEnvelope captured(String leadId, String dealerId, String region, String day, String industry,
            String organization, int vehicles) {
        LeadCaptured lead = new LeadCaptured(leadId, dealerId, region, "crm-" + leadId, at(day), "SHOWROOM", "A", true,
                "CS75 PLUS", "wang.li", new LeadCaptured.Customer("ORGANIZATION", industry, organization, null), null,
                vehicles);
        return new EventEnvelope(UUID.randomUUID().toString(), "/lead-service", EventTypes.LEAD_CAPTURED, leadId, at(day),
                dealerId, region, 1, EventJson.write(lead));
    }

    private static EventEnvelope won(String leadId, String dealerId, String region, String day, int vehicles) {
        LeadWon won = new LeadWon(leadId, dealerId, region, at(day), "CS75 PLUS", null, vehicles);
        return new EventEnvelope(UUID.randomUUID().toString(), "/lead-service", EventTypes.LEAD_WON, leadId, at(day),
                dealerId, region, 2, EventJson.write(won));
    }
}
