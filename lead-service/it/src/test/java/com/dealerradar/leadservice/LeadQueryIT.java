package com.dealerradar.leadservice;

import static com.dealerradar.leadservice.LeadServiceClient.admin;
import static com.dealerradar.leadservice.LeadServiceClient.dealerKey;
import static com.dealerradar.leadservice.LeadServiceClient.hq;
import static com.dealerradar.leadservice.LeadServiceClient.lead;
import static com.dealerradar.leadservice.LeadServiceClient.ofDealer;
import static com.dealerradar.leadservice.LeadServiceClient.regionManager;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.events.EventTypes;
import com.dealerradar.platform.security.Caller;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/** The list's filters and scoping, and possible duplicates as each role sees them. */
@SharedLeadServiceContext
class LeadQueryIT {

    @LocalServerPort
    int port;

    private LeadServiceClient client;
    private final String region = "Hulunbuir-" + UUID.randomUUID().toString().substring(0, 4);
    private final String dealer = LeadServiceClient.newDealerId();
    private final String neighbour = LeadServiceClient.newDealerId();
    private final String elsewhere = LeadServiceClient.newDealerId();

    @BeforeEach
    void registerDealers() {
        client = new LeadServiceClient(port, getClass());
        client.registerDealer(dealer, region);
        client.registerDealer(neighbour, region);
        client.registerDealer(elsewhere, "Alxa");
    }

    @Test
    void theListFiltersAndPagesWithinTheCallersScope() {
        client.capture(dealerKey(dealer), lead(dealer, "q-1", null));
        client.capture(dealerKey(dealer), lead(dealer, "q-2", null).replace("2026-11-02T10:05", "2026-11-03T23:30")
                .replace("\"SHOWROOM\"", "\"ONLINE\"").replace("\"grade\": \"A\"", "\"grade\": \"H\""));
        client.capture(dealerKey(neighbour), lead(neighbour, "q-3", null));
        client.capture(dealerKey(elsewhere), lead(elsewhere, "q-4", null));

        list(dealerKey(dealer), "").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(2).jsonPath("$.page").isEqualTo(0).jsonPath("$.size").isEqualTo(50)
                .jsonPath("$.items[0].externalRef").isEqualTo("q-2");
        list(dealerKey(dealer), "channel=ONLINE").expectBody().jsonPath("$.total").isEqualTo(1);
        list(dealerKey(dealer), "grade=H&status=OPEN&industry=POWER_UTILITY").expectBody().jsonPath("$.total").isEqualTo(1);
        // 2026-11-03T23:30+08:00 is on the 3rd in Asia/Shanghai, and both days are inclusive.
        list(dealerKey(dealer), "from=2026-11-03&to=2026-11-03").expectBody().jsonPath("$.total").isEqualTo(1);
        list(dealerKey(dealer), "from=2026-11-02&to=2026-11-03").expectBody().jsonPath("$.total").isEqualTo(2);
        list(dealerKey(dealer), "size=1&page=1").expectBody().jsonPath("$.items[0].externalRef").isEqualTo("q-1")
                .jsonPath("$.total").isEqualTo(2);
        list(dealerKey(dealer), "dealerId=" + neighbour).expectStatus().isForbidden();
        list(dealerKey(dealer), "region=" + region).expectStatus().isForbidden();
        list(dealerKey(dealer), "region=Alxa").expectStatus().isForbidden();

        list(regionManager(region), "").expectBody().jsonPath("$.total").isEqualTo(3);
        list(regionManager(region), "dealerId=" + neighbour).expectBody().jsonPath("$.total").isEqualTo(1);
        list(regionManager(region), "dealerId=" + elsewhere).expectStatus().isForbidden();
        list(regionManager(region), "region=Alxa").expectStatus().isForbidden();
        list(hq(), "region=" + region).expectBody().jsonPath("$.total").isEqualTo(3);
        list(admin(), "dealerId=" + elsewhere).expectBody().jsonPath("$.total").isEqualTo(1);
    }

    @Test
    void wrongParametersAreProblemsNamingThem() {
        list(dealerKey(dealer), "status=LOST").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
        list(dealerKey(dealer), "from=03/11/2026").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
        list(dealerKey(dealer), "from=2026-11-05&to=2026-11-01").expectStatus().isBadRequest();
        list(dealerKey(dealer), "size=501").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
    }

    @Test
    void aPossibleDuplicateOfAnotherDealerIsNamedOnlyToAdminAndHq() {
        String phone = "1350000" + String.format("%04d", Math.abs(dealer.hashCode() % 10000));
        String original = client.capture(dealerKey(neighbour), lead(neighbour, "dup-0", phone));
        String own = client.capture(dealerKey(dealer), lead(dealer, "dup-1", phone));
        String again = client.capture(dealerKey(dealer), lead(dealer, "dup-2", phone.substring(0, 3) + " " + phone.substring(3)));

        get(dealerKey(dealer), own).jsonPath("$.possibleDuplicateOf.sameGroupDealer").isEqualTo(true)
                .jsonPath("$.possibleDuplicateOf.leadId").doesNotExist()
                .jsonPath("$.possibleDuplicateOf.dealerId").doesNotExist()
                .jsonPath("$.customer.phone").isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        get(hq(), own).jsonPath("$.possibleDuplicateOf.leadId").isEqualTo(original)
                .jsonPath("$.possibleDuplicateOf.dealerId").isEqualTo(neighbour);
        get(regionManager(region), own).jsonPath("$.possibleDuplicateOf.leadId").doesNotExist();
        get(dealerKey(dealer), again).jsonPath("$.possibleDuplicateOf.leadId").isEqualTo(own)
                .jsonPath("$.possibleDuplicateOf.dealerId").isEqualTo(dealer);
        get(dealerKey(neighbour), original).jsonPath("$.possibleDuplicateOf").doesNotExist();

        var captured = client.leadEvents(ofDealer(dealer, EventTypes.LEAD_CAPTURED), Duration.ofSeconds(8), 2);
        assertThat(captured).extracting(LeadServiceClient::payload).anySatisfy(p -> assertThat(p)
                .contains("\"possibleDuplicateOf\":{\"leadId\":\"" + original + "\",\"dealerId\":\"" + neighbour + "\"}")
                .doesNotContain(phone));
    }

    @Test
    void aLeadOutsideTheScopeIsNotFound() {
        String leadId = client.capture(dealerKey(elsewhere), lead(elsewhere, "nf-1", null));
        client.as(regionManager(region)).get().uri("/api/leads/" + leadId).exchange().expectStatus().isNotFound();
        client.as(regionManager("Alxa")).get().uri("/api/leads/" + leadId).exchange().expectStatus().isOk();
        client.as(hq()).get().uri("/api/leads/" + leadId).exchange().expectStatus().isOk();
    }

    private ResponseSpec list(Caller caller, String query) {
        return client.as(caller).get().uri("/api/leads?" + query).exchange();
    }

    private BodyContentSpec get(Caller caller, String leadId) {
        return client.as(caller).get().uri("/api/leads/" + leadId).exchange().expectStatus().isOk().expectBody();
    }
}
