package com.dealerradar.analytics;

import static com.dealerradar.analytics.support.DataSets.DEFEATS_DEALER;
import static com.dealerradar.analytics.support.DataSets.FUNNEL_DEALER;
import static com.dealerradar.analytics.support.DataSets.STRUCTURE_DEALER;
import static com.dealerradar.analytics.support.DataSets.TARGET_REGION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.dealerradar.analytics.generation.application.ReadModel;
import com.dealerradar.analytics.generation.application.ReadModels;
import com.dealerradar.analytics.support.DataSets;
import com.dealerradar.events.EventEnvelope;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.InternalToken;
import com.dealerradar.platform.security.Role;
import com.dealerradar.testkit.RadarInfrastructure;
import com.dealerradar.testkit.SharedInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every Analytics endpoint against hand-computed expectations. The data sets go straight through the
 * consumer's intake, then one flush of the cells (the broker adds nothing to these numbers;
 * LeadProjectionIT and RebuildIT cover it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RadarInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsEndpointsIT {

    private static final InternalToken TOKENS = new InternalToken(SharedInfrastructure.INTERNAL_TOKEN_SECRET);
    private static final Caller HQ = new Caller("hq", Role.HQ, null, null);
    private static final String NOVEMBER = "from=2026-11-01&to=2026-11-30";
    private static final String SEPTEMBER = "from=2026-09-01&to=2026-09-30";

    @LocalServerPort
    int port;
    @Autowired
    ReadModels models;
    private WebTestClient client;

    @BeforeAll
    void load() {
        DataSets.directory().forEach(event -> models.active().applyDirectory(event).block());
        feed(DataSets.structure());
        feed(DataSets.funnel());
        feed(DataSets.defeats(OffsetDateTime.now().minusHours(1), OffsetDateTime.now().plusDays(30)));
        feed(DataSets.prospects());
    }

    private void feed(List<EventEnvelope> events) {
        ReadModel live = models.active();
        events.forEach(event -> live.applyLeadEvent(event).block(Duration.ofSeconds(10)));
        live.refresher().flush().block(Duration.ofSeconds(60));
    }

    @Test
    void structureOfTheDomainExample() {
        put(HQ, STRUCTURE_DEALER, "2026-11", "{\"total\": 650000}").expectStatus().isOk().expectBody().returnResult();
        get(HQ, "/api/analytics/structure?dealerId=" + STRUCTURE_DEALER + "&" + NOVEMBER).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.captured").isEqualTo(500)
                .jsonPath("$.invalid").isEqualTo(0)
                .jsonPath("$.leads").isEqualTo(500)
                .jsonPath("$.won").isEqualTo(110)
                .jsonPath("$.potential").isEqualTo(165)
                .jsonPath("$.defeated").isEqualTo(225)
                .jsonPath("$.atRisk").isEqualTo(75)
                .jsonPath("$.defeatedConfirmed").isEqualTo(150)
                .jsonPath("$.pendingDefeats").isEqualTo(20)
                .jsonPath("$.spend").isEqualTo(650000.0)
                .jsonPath("$.costPerLead").isEqualTo(1300.0)
                .jsonPath("$.defeatedSpend").isEqualTo(292500.0);
    }

    @Test
    void spendCountsEveryOverlappingMonthWholeAndCostIsNullWithoutSpend() {
        get(HQ, "/api/analytics/structure?dealerId=" + DEFEATS_DEALER + "&" + NOVEMBER).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.captured").isEqualTo(10)
                .jsonPath("$.defeated").isEqualTo(3)
                .jsonPath("$.pendingDefeats").isEqualTo(2)
                .jsonPath("$.potential").isEqualTo(7)
                .jsonPath("$.spend").doesNotExist()
                .jsonPath("$.costPerLead").doesNotExist();
        Caller dealer = new Caller("k", Role.DEALER, DEFEATS_DEALER, null);
        put(dealer, DEFEATS_DEALER, "2026-10", "{\"total\": 5000}").expectStatus().isOk().expectBody().returnResult();
        put(dealer, DEFEATS_DEALER, "2026-11", "{\"total\": 9999}").expectStatus().isOk().expectBody().returnResult();
        put(dealer, DEFEATS_DEALER, "2026-11", "{\"total\": 1000}").expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(1000);
        // 2026-10-31..2026-11-01 overlaps October and November: 5,000 + 1,000 for the 10 leads of Nov 1.. (1 lead)
        get(dealer, "/api/analytics/structure?from=2026-10-31&to=2026-11-01").expectStatus().isOk().expectBody()
                .jsonPath("$.captured").isEqualTo(1)
                .jsonPath("$.spend").isEqualTo(6000.0)
                .jsonPath("$.costPerLead").isEqualTo(6000.0);
    }

    @Test
    void spendIsValidatedAndScoped() {
        Caller dealer = new Caller("k", Role.DEALER, FUNNEL_DEALER, null);
        put(dealer, FUNNEL_DEALER, "2026-11", "{\"total\": -1}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("total");
        put(dealer, FUNNEL_DEALER, "2026-11", "{}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("total");
        put(dealer, FUNNEL_DEALER, "2026-11", "{\"total\": 10, \"byChannel\": {\"TV\": 5}}").expectStatus()
                .isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("byChannel.TV");
        put(dealer, FUNNEL_DEALER, "2026-11", "{\"total\": 10, \"byChannel\": {\"PHONE\": 50}}").expectStatus()
                .isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("byChannel.PHONE");
        put(dealer, FUNNEL_DEALER, "2026-11", "{\"total\": 10, \"byChannel\": {\"PHONE\": 6, \"ONLINE\": 6}}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("byChannel");
        put(dealer, FUNNEL_DEALER, "2026-13", "{\"total\": 10}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("month");
        put(dealer, FUNNEL_DEALER, "2026-11", "{\"total\": \"lots\"}").expectStatus().isBadRequest().expectBody().returnResult();
        put(dealer, STRUCTURE_DEALER, "2026-11", "{\"total\": 10}").expectStatus().isForbidden().expectBody().returnResult();
        put(new Caller("rm", Role.REGION_MANAGER, null, "Wuhai"), FUNNEL_DEALER, "2026-11", "{\"total\": 10}")
                .expectStatus().isForbidden().expectBody().returnResult();
    }

    @Test
    void funnelWithHandComputedKeepFollowConvert() {
        // SHOWROOM 20/16/12/6, PHONE 20/10/5/1 (the two invalid leads are not traffic)
        get(HQ, "/api/analytics/funnel?groupBy=channel&dealerId=" + FUNNEL_DEALER + "&" + NOVEMBER)
                .expectStatus().isOk().expectBody()
                .jsonPath("$.rows.length()").isEqualTo(2)
                .jsonPath("$.rows[?(@.key=='SHOWROOM')].traffic").isEqualTo(List.of(20))
                .jsonPath("$.rows[?(@.key=='SHOWROOM')].kept").isEqualTo(List.of(16))
                .jsonPath("$.rows[?(@.key=='SHOWROOM')].followed").isEqualTo(List.of(12))
                .jsonPath("$.rows[?(@.key=='SHOWROOM')].won").isEqualTo(List.of(6))
                .jsonPath("$.rows[?(@.key=='SHOWROOM')].keepRate").isEqualTo(List.of(0.8))
                .jsonPath("$.rows[?(@.key=='SHOWROOM')].followRate").isEqualTo(List.of(0.75))
                .jsonPath("$.rows[?(@.key=='SHOWROOM')].convertRate").isEqualTo(List.of(0.5))
                .jsonPath("$.rows[?(@.key=='SHOWROOM')].closeRate").isEqualTo(List.of(0.3))
                .jsonPath("$.rows[?(@.key=='PHONE')].keepRate").isEqualTo(List.of(0.5))
                .jsonPath("$.rows[?(@.key=='PHONE')].followRate").isEqualTo(List.of(0.5))
                .jsonPath("$.rows[?(@.key=='PHONE')].convertRate").isEqualTo(List.of(0.2))
                .jsonPath("$.rows[?(@.key=='PHONE')].closeRate").isEqualTo(List.of(0.05))
                .jsonPath("$.total.traffic").isEqualTo(40)
                .jsonPath("$.total.kept").isEqualTo(26)
                .jsonPath("$.total.followed").isEqualTo(17)
                .jsonPath("$.total.won").isEqualTo(7)
                .jsonPath("$.total.keepRate").isEqualTo(0.65)
                .jsonPath("$.total.followRate").isEqualTo(0.6538)
                .jsonPath("$.total.convertRate").isEqualTo(0.4118)
                .jsonPath("$.total.closeRate").isEqualTo(0.175);
        for (String groupBy : List.of("dealer", "region", "model", "industry", "consultant")) {
            get(HQ, "/api/analytics/funnel?groupBy=" + groupBy + "&dealerId=" + FUNNEL_DEALER + "&" + NOVEMBER)
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.rows.length()").isEqualTo(1)
                    .jsonPath("$.rows[0].traffic").isEqualTo(40)
                    .jsonPath("$.total.won").isEqualTo(7);
        }
        get(HQ, "/api/analytics/funnel?groupBy=region&" + NOVEMBER).expectStatus().isOk().expectBody()
                .jsonPath("$.rows[?(@.key=='Wuhai')].traffic").isEqualTo(List.of(40))
                .jsonPath("$.rows[?(@.key=='Hinggan')].traffic").isEqualTo(List.of(500))
                .jsonPath("$.total.traffic").isEqualTo(550);
        get(HQ, "/api/analytics/funnel?groupBy=weekday").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("groupBy");
    }

    @Test
    void responseTimesMedianP90AndWithinAnHour() {
        get(HQ, "/api/analytics/response-times?groupBy=channel&dealerId=" + FUNNEL_DEALER + "&" + NOVEMBER)
                .expectStatus().isOk().expectBody()
                .jsonPath("$.rows[?(@.key=='SHOWROOM')].leads").isEqualTo(List.of(20))
                .jsonPath("$.rows[?(@.key=='SHOWROOM')].reached").isEqualTo(List.of(12))
                .jsonPath("$.rows[?(@.key=='SHOWROOM')].medianMinutes").isEqualTo(List.of(32.5))
                .jsonPath("$.rows[?(@.key=='SHOWROOM')].p90Minutes").isEqualTo(List.of(54.5))
                .jsonPath("$.rows[?(@.key=='SHOWROOM')].withinOneHourRate").isEqualTo(List.of(1.0))
                .jsonPath("$.rows[?(@.key=='PHONE')].leads").isEqualTo(List.of(20))
                .jsonPath("$.rows[?(@.key=='PHONE')].reached").isEqualTo(List.of(6))
                .jsonPath("$.rows[?(@.key=='PHONE')].medianMinutes").isEqualTo(List.of(105.0))
                .jsonPath("$.rows[?(@.key=='PHONE')].p90Minutes").isEqualTo(List.of(420.0))
                .jsonPath("$.rows[?(@.key=='PHONE')].withinOneHourRate").isEqualTo(List.of(0.3333));
        get(HQ, "/api/analytics/response-times?groupBy=dealer&dealerId=" + FUNNEL_DEALER + "&" + NOVEMBER)
                .expectStatus().isOk().expectBody()
                .jsonPath("$.rows[0].key").isEqualTo(FUNNEL_DEALER)
                .jsonPath("$.rows[0].reached").isEqualTo(18)
                // 18 minutes sorted: 5..60 (12), 30, 60, 90, 120, 240, 600 -> the 9th and 10th are 40 and 45
                .jsonPath("$.rows[0].medianMinutes").isEqualTo(42.5)
                .jsonPath("$.rows[0].withinOneHourRate").isEqualTo(0.7778);
        get(HQ, "/api/analytics/response-times?groupBy=model").expectStatus().isBadRequest().expectBody().returnResult();
    }

    @Test
    void channelsWithInvalidLeadsAndCosts() {
        put(HQ, FUNNEL_DEALER, "2026-11", "{\"total\": 100000, \"byChannel\": {\"SHOWROOM\": 60000, \"PHONE\": 30000}}")
                .expectStatus().isOk().expectBody().returnResult();
        get(HQ, "/api/analytics/channels?dealerId=" + FUNNEL_DEALER + "&" + NOVEMBER).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.rows[?(@.channel=='SHOWROOM')].captured").isEqualTo(List.of(22))
                .jsonPath("$.rows[?(@.channel=='SHOWROOM')].invalid").isEqualTo(List.of(2))
                .jsonPath("$.rows[?(@.channel=='SHOWROOM')].leads").isEqualTo(List.of(20))
                .jsonPath("$.rows[?(@.channel=='SHOWROOM')].won").isEqualTo(List.of(6))
                .jsonPath("$.rows[?(@.channel=='SHOWROOM')].conversionRate").isEqualTo(List.of(0.3))
                .jsonPath("$.rows[?(@.channel=='SHOWROOM')].spend").isEqualTo(List.of(60000.0))
                .jsonPath("$.rows[?(@.channel=='SHOWROOM')].costPerLead").isEqualTo(List.of(2727.27))
                .jsonPath("$.rows[?(@.channel=='SHOWROOM')].costPerWon").isEqualTo(List.of(10000.0))
                .jsonPath("$.rows[?(@.channel=='PHONE')].leads").isEqualTo(List.of(20))
                .jsonPath("$.rows[?(@.channel=='PHONE')].costPerLead").isEqualTo(List.of(1500.0))
                .jsonPath("$.rows[?(@.channel=='PHONE')].costPerWon").isEqualTo(List.of(30000.0));
    }

    @Test
    void defeatsWithActualReasonsCompetitorsRatingsAndSameGroupLossesApart() {
        get(HQ, "/api/analytics/defeats?dealerId=" + DEFEATS_DEALER + "&" + NOVEMBER).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.reported").isEqualTo(6)
                .jsonPath("$.confirmed").isEqualTo(3)
                .jsonPath("$.reversed").isEqualTo(1)
                .jsonPath("$.falseDefeatRate").isEqualTo(0.25)
                .jsonPath("$.pendingCallbacks").isEqualTo(2)
                .jsonPath("$.overdueCallbacks").isEqualTo(1)
                .jsonPath("$.byReason[*].reason").isEqualTo(List.of("COMPETITOR_OFFER", "OTHER", "PLAN_CHANGED", "PRICE",
                        "SALES_EXPERIENCE"))
                .jsonPath("$.byReason[*].count").isEqualTo(List.of(1, 1, 1, 1, 1))
                .jsonPath("$.byCompetitor[*].brand").isEqualTo(List.of("BYD", "Geely"))
                .jsonPath("$.bySubtype[0].subtype").isEqualTo("BOUGHT_COMPETITOR")
                .jsonPath("$.bySubtype[0].count").isEqualTo(2)
                .jsonPath("$.bySubtype.length()").isEqualTo(3)
                .jsonPath("$.ratings.reception").isEqualTo(3.67)
                .jsonPath("$.ratings.negotiation").isEqualTo(3.67)
                .jsonPath("$.ratings.followUp").isEqualTo(3.0)
                .jsonPath("$.ratings.needsAnalysis").isEqualTo(5.0)
                .jsonPath("$.sameGroupLosses.count").isEqualTo(1)
                .jsonPath("$.sameGroupLosses.byDealer[0].dealerId").isEqualTo("D-AL-02")
                .jsonPath("$.byDealer.length()").isEqualTo(1)
                .jsonPath("$.byDealer[0].falseDefeatRate").isEqualTo(0.25);
    }

    @Test
    void defeatsPerDealerRankTheFalseDefeatRateHighestFirst() {
        // D-AL-01: 6 reported, 3 confirmed, 1 reversed -> 1/4. D-HG-01 (structure): 20 pending and 225
        // confirmed, none reversed -> 0/225.
        get(HQ, "/api/analytics/defeats?" + NOVEMBER).expectStatus().isOk().expectBody()
                .jsonPath("$.byDealer[*].dealerId").isEqualTo(List.of(DEFEATS_DEALER, STRUCTURE_DEALER))
                .jsonPath("$.byDealer[*].reported").isEqualTo(List.of(6, 245))
                .jsonPath("$.byDealer[*].confirmed").isEqualTo(List.of(3, 225))
                .jsonPath("$.byDealer[*].reversed").isEqualTo(List.of(1, 0))
                .jsonPath("$.byDealer[*].falseDefeatRate").isEqualTo(List.of(0.25, 0.0));
        get(new Caller("rm", Role.REGION_MANAGER, null, "Alxa"), "/api/analytics/defeats?" + NOVEMBER)
                .expectStatus().isOk().expectBody()
                .jsonPath("$.byDealer[*].dealerId").isEqualTo(List.of(DEFEATS_DEALER));
    }

    @Test
    void comparisonMatrixOfRegionsByIndustry() {
        get(HQ, "/api/analytics/comparison?dimension=industry&" + SEPTEMBER).expectStatus().isOk().expectBody()
                .jsonPath("$.regions").isEqualTo(List.of("Baotou", "Chifeng", "Hohhot", "Ordos"))
                .jsonPath("$.values").isEqualTo(List.of("EDUCATION", "JUSTICE"))
                .jsonPath("$.cells.length()").isEqualTo(8)
                .jsonPath("$.cells[?(@.region=='Hohhot' && @.value=='JUSTICE')].leads").isEqualTo(List.of(20))
                .jsonPath("$.cells[?(@.region=='Hohhot' && @.value=='JUSTICE')].won").isEqualTo(List.of(8))
                .jsonPath("$.cells[?(@.region=='Hohhot' && @.value=='JUSTICE')].closeRate").isEqualTo(List.of(0.4))
                .jsonPath("$.cells[?(@.region=='Chifeng' && @.value=='JUSTICE')].won").isEqualTo(List.of(0));
        get(new Caller("rm", Role.REGION_MANAGER, null, "Hohhot"), "/api/analytics/comparison?dimension=model&"
                + SEPTEMBER).expectStatus().isOk().expectBody()
                .jsonPath("$.regions").isEqualTo(List.of("Hohhot"))
                .jsonPath("$.cells[0].leads").isEqualTo(100);
        get(HQ, "/api/analytics/comparison?dimension=colour").expectStatus().isBadRequest().expectBody().returnResult();
    }

    @Test
    void missedProspectsRankTheIndustryPeersSellToWithItsEvidence() {
        // Chifeng has 5 of the group's 65 JUSTICE leads for a quarter of its traffic: p = P(X <= 5 | 65, 1/4)
        // = 0.000335, score 3.48; 8 cells can reach p <= 0.1 (JUSTICE untouched and unconverted in each
        // region), so q = 8 p. Unconverted (0 of 5 won against the peers' 24 of 60) has p = C(41,5)/C(65,5)
        // = 0.0907, q = 0.36: no discovery. Expected for Chifeng's 100 leads: 60 / 300 × 100 = 20 leads,
        // 24 / 300 × 100 = 8 deals.
        get(new Caller("rm", Role.REGION_MANAGER, null, TARGET_REGION),
                "/api/analytics/missed-prospects?region=Chifeng&dimension=industry&" + SEPTEMBER + "&limit=5")
                .expectStatus().isOk().expectBody()
                .jsonPath("$.region").isEqualTo(TARGET_REGION)
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].value").isEqualTo("JUSTICE")
                .jsonPath("$.items[0].kind").isEqualTo("UNTOUCHED")
                .jsonPath("$.items[0].score").isEqualTo(3.48)
                .jsonPath("$.items[0].qValue").value(q -> assertThat(((Number) q).doubleValue()).isCloseTo(0.0026773, within(1e-6)))
                .jsonPath("$.items[0].expected.won").isEqualTo(8.0)
                .jsonPath("$.items[0].expected.leads").isEqualTo(20.0)
                .jsonPath("$.items[0].here.leads").isEqualTo(5)
                .jsonPath("$.items[0].here.won").isEqualTo(0)
                .jsonPath("$.items[0].here.openLeads.length()").isEqualTo(5)
                .jsonPath("$.items[0].here.openLeads[*].organization").isEqualTo(List.of("Chifeng Court 0",
                        "Chifeng Court 1", "Chifeng Court 2", "Chifeng Court 3", "Chifeng Court 4"))
                .jsonPath("$.items[0].here.openLeads[0].dealerId").isEqualTo("D-CH-01")
                .jsonPath("$.items[0].here.openLeads[0].grade").isEqualTo("A")
                .jsonPath("$.items[0].peers[*].region").isEqualTo(List.of("Baotou", "Hohhot", "Ordos"))
                .jsonPath("$.items[0].peers[0].leads").isEqualTo(20)
                .jsonPath("$.items[0].peers[0].won").isEqualTo(8)
                .jsonPath("$.items[0].peers[0].organizations").isEqualTo(List.of("Baotou Court 0", "Baotou Court 1",
                        "Baotou Court 2"))
                .jsonPath("$.items[0].peers[0].models").isEqualTo(List.of("CS75 PLUS"));
        get(HQ, "/api/analytics/missed-prospects?region=Chifeng&dimension=industryModel&" + SEPTEMBER)
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].value").isEqualTo("JUSTICE/CS75 PLUS")
                .jsonPath("$.items[0].here.openLeads.length()").isEqualTo(5);
        get(HQ, "/api/analytics/missed-prospects?region=Hohhot&dimension=industry&" + SEPTEMBER)
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
        get(new Caller("rm", Role.REGION_MANAGER, null, "Hohhot"),
                "/api/analytics/missed-prospects?region=Chifeng&dimension=industry").expectStatus().isForbidden().expectBody().returnResult();
        get(new Caller("k", Role.DEALER, "D-CH-01", null),
                "/api/analytics/missed-prospects?region=Chifeng&dimension=industry").expectStatus().isForbidden().expectBody().returnResult();
        get(HQ, "/api/analytics/missed-prospects?dimension=industry").expectStatus().isBadRequest().expectBody().returnResult();
    }

    @Test
    void dealerBenchmarkWithWilsonIntervalsRanksAndMedian() {
        Map<String, Object> body = get(HQ, "/api/analytics/dealers/benchmark?metric=closeRate&" + SEPTEMBER)
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) body.get("rows");
        assertThat(rows).extracting(r -> r.get("dealerId")).containsExactly("D-BA-01", "D-HO-01", "D-OR-01", "D-CH-01");
        assertThat(rows).extracting(r -> r.get("rank")).containsExactly(1, 1, 3, 4);
        assertThat(rows).extracting(r -> r.get("value")).containsExactly(0.19, 0.19, 0.18, 0.15);
        assertThat(rows).extracting(r -> r.get("n")).containsExactly(100, 100, 100, 100);
        // Wilson 95% of 19/100, by hand: (0.19 + 1.92/100 ± 1.96·sqrt(0.19·0.81/100 + 3.84/40000)) / 1.0384
        assertThat(((Number) rows.get(0).get("low")).doubleValue()).isCloseTo(0.1251, within(0.0002));
        assertThat(((Number) rows.get(0).get("high")).doubleValue()).isCloseTo(0.2778, within(0.0002));
        assertThat(((Number) body.get("median")).doubleValue()).isCloseTo(0.185, within(1e-9));
        get(HQ, "/api/analytics/dealers/benchmark?metric=keepRate&region=Chifeng&" + SEPTEMBER).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.rows.length()").isEqualTo(1)
                .jsonPath("$.rows[0].value").isEqualTo(1.0)
                .jsonPath("$.median").isEqualTo(1.0);
        get(HQ, "/api/analytics/dealers/benchmark?metric=followRate&dealerId=" + FUNNEL_DEALER + "&" + NOVEMBER)
                .expectStatus().isOk().expectBody()
                .jsonPath("$.rows[0].value").isEqualTo(0.6538)
                .jsonPath("$.rows[0].n").isEqualTo(26);
        get(HQ, "/api/analytics/dealers/benchmark?metric=speed").expectStatus().isBadRequest().expectBody().returnResult();
    }

    @Test
    void everyReadIsScoped() {
        Caller otherDealer = new Caller("k", Role.DEALER, "D-XX-01", null);
        Caller otherRegion = new Caller("rm", Role.REGION_MANAGER, null, "Baotou");
        for (String path : List.of("structure", "funnel?groupBy=channel", "response-times?groupBy=dealer", "channels",
                "defeats", "comparison?dimension=industry", "dealers/benchmark?metric=closeRate", "grade-calibration")) {
            String separator = path.contains("?") ? "&" : "?";
            forbidden(otherDealer, "/api/analytics/" + path + separator + "dealerId=" + FUNNEL_DEALER);
            forbidden(otherRegion, "/api/analytics/" + path + separator + "dealerId=" + FUNNEL_DEALER);
            forbidden(otherRegion, "/api/analytics/" + path + separator + "region=Wuhai");
            forbidden(otherDealer, "/api/analytics/" + path + separator + "region=Wuhai");
        }
        get(new Caller("rm", Role.REGION_MANAGER, null, "Wuhai"), "/api/analytics/funnel?groupBy=dealer&" + NOVEMBER)
                .expectStatus().isOk().expectBody().jsonPath("$.total.traffic").isEqualTo(40);
    }

    private WebTestClient.ResponseSpec get(Caller caller, String uri) {
        return client().get().uri(uri).header("Authorization", bearer(caller)).exchange();
    }

    /** Reads the problem body too, so that the connection goes back to the client's pool. */
    private void forbidden(Caller caller, String uri) {
        get(caller, uri).expectStatus().isForbidden().expectBody().jsonPath("$.status").isEqualTo(403);
    }

    private WebTestClient.ResponseSpec put(Caller caller, String dealerId, String month, String json) {
        return client().put().uri("/api/analytics/spend/" + dealerId + "/" + month).header("Authorization", bearer(caller))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
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
