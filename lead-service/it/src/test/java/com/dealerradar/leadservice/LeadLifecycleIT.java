package com.dealerradar.leadservice;

import static com.dealerradar.leadservice.LeadServiceClient.dealerKey;
import static com.dealerradar.leadservice.LeadServiceClient.hq;
import static com.dealerradar.leadservice.LeadServiceClient.lead;
import static com.dealerradar.leadservice.LeadServiceClient.ofDealer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealerradar.events.EventEnvelope;
import com.dealerradar.events.EventTypes;
import com.dealerradar.events.defeat.DefeatConfirmed;
import com.dealerradar.events.defeat.DefeatReversed;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/** The commands on a lead and the defeats applied to it from radar.defeats, with their events. */
@SharedLeadServiceContext
class LeadLifecycleIT {

    private static final OffsetDateTime LATER = OffsetDateTime.parse("2026-11-05T09:00:00+08:00");

    @LocalServerPort
    int port;

    private LeadServiceClient client;
    private final String dealer = LeadServiceClient.newDealerId();

    @BeforeEach
    void registerDealer() {
        client = new LeadServiceClient(port, getClass());
        client.registerDealer(dealer, "Baotou");
    }

    @Test
    void commandsMoveTheLeadAndPublishTheirEvents() {
        String leadId = client.capture(dealerKey(dealer), lead(dealer, "cmd-1", null).replace("\"contactRetained\": true", "\"contactRetained\": false"));

        command(leadId, "grade", "{\"grade\": \"H\", \"occurredAt\": \"%s\"}".formatted(LATER))
                .expectStatus().isOk().expectBody().jsonPath("$.grade").isEqualTo("H").jsonPath("$.version").isEqualTo(2);
        command(leadId, "contact", "{\"occurredAt\": \"%s\"}".formatted(LATER))
                .expectStatus().isOk().expectBody().jsonPath("$.contactRetained").isEqualTo(true).jsonPath("$.version").isEqualTo(3);
        command(leadId, "contact", "{\"occurredAt\": \"%s\"}".formatted(LATER))
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(3);
        command(leadId, "deal", "{\"occurredAt\": \"%s\", \"model\": \"UNI-K\", \"price\": 159900}".formatted(LATER))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("WON")
                .jsonPath("$.deal.price").isEqualTo(159900).jsonPath("$.version").isEqualTo(4);

        command(leadId, "invalid", "{\"occurredAt\": \"%s\", \"reason\": \"DUPLICATE\"}".formatted(LATER))
                .expectStatus().isEqualTo(409).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.currentStatus").isEqualTo("WON");
        command(leadId, "grade", "{\"grade\": \"C\", \"occurredAt\": \"%s\"}".formatted(LATER))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.currentStatus").isEqualTo("WON");

        var events = client.leadEvents(ofDealer(dealer, null), Duration.ofSeconds(10), 4);
        assertThat(events).extracting(r -> LeadServiceClient.header(r, "ce_type")).containsExactly(
                EventTypes.LEAD_CAPTURED, EventTypes.LEAD_GRADED, EventTypes.LEAD_CONTACT_RETAINED, EventTypes.LEAD_WON);
        assertThat(events).extracting(r -> LeadServiceClient.header(r, "ce_sequence")).containsExactly("1", "2", "3", "4");
        assertThat(LeadServiceClient.payload(events.get(1))).contains("\"previousGrade\":\"A\"");
    }

    @Test
    void aFleetLeadAndItsDealCarryTheirVehiclesIntoTheEvents() {
        String leadId = client.capture(dealerKey(dealer), lead(dealer, "fleet-1", null)
                .replace("\"contactRetained\": true", "\"contactRetained\": true, \"vehicles\": 20"));
        client.as(dealerKey(dealer)).get().uri("/api/leads/" + leadId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.vehicles").isEqualTo(20);
        command(leadId, "deal", "{\"occurredAt\": \"%s\", \"model\": \"UNI-K\", \"vehicles\": 0}".formatted(LATER))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("vehicles");
        command(leadId, "deal", "{\"occurredAt\": \"%s\", \"model\": \"UNI-K\", \"vehicles\": 501}".formatted(LATER))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("vehicles");
        command(leadId, "deal", "{\"occurredAt\": \"%s\", \"model\": \"UNI-K\", \"vehicles\": 12}".formatted(LATER))
                .expectStatus().isOk().expectBody().jsonPath("$.deal.vehicles").isEqualTo(12)
                .jsonPath("$.vehicles").isEqualTo(20).jsonPath("$.version").isEqualTo(2);

        var events = client.leadEvents(ofDealer(dealer, null), Duration.ofSeconds(10), 2);
        assertThat(events).extracting(r -> LeadServiceClient.header(r, "ce_type"))
                .containsExactly(EventTypes.LEAD_CAPTURED, EventTypes.LEAD_WON);
        assertThat(LeadServiceClient.payload(events.get(0))).contains("\"vehicles\":20");
        assertThat(LeadServiceClient.payload(events.get(1))).contains("\"vehicles\":12");
    }

    @Test
    void aLeadSaysNothingOfVehiclesAsksForOne() {
        String leadId = client.capture(dealerKey(dealer), lead(dealer, "one-1", null));
        command(leadId, "deal", "{\"occurredAt\": \"%s\"}".formatted(LATER)).expectStatus().isOk().expectBody()
                .jsonPath("$.vehicles").isEqualTo(1).jsonPath("$.deal.vehicles").isEqualTo(1);
    }

    @Test
    void badCommandsAreProblemsAndOnlyTheDealerItselfCommands() {
        String leadId = client.capture(dealerKey(dealer), lead(dealer, "cmd-2", null));
        command(leadId, "invalid", "{\"occurredAt\": \"%s\", \"reason\": \"BORED\"}".formatted(LATER))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        command(leadId, "deal", "{}").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("occurredAt");
        command(leadId, "deal", "{\"occurredAt\": \"2099-01-01T00:00:00+08:00\"}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("occurredAt");
        client.as(hq()).post().uri("/api/leads/" + leadId + "/deal").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"occurredAt\": \"%s\"}".formatted(LATER)).exchange().expectStatus().isForbidden();
        client.as(dealerKey("D-OTHER")).post().uri("/api/leads/" + leadId + "/deal").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"occurredAt\": \"%s\"}".formatted(LATER)).exchange().expectStatus().isNotFound();
        command("no-such-lead", "deal", "{\"occurredAt\": \"%s\"}".formatted(LATER)).expectStatus().isNotFound();
        command(leadId, "invalid", "{\"occurredAt\": \"%s\", \"reason\": \"NO_INTENT\"}".formatted(LATER))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("INVALID")
                .jsonPath("$.invalidReason").isEqualTo("NO_INTENT");
        command(leadId, "deal", "{\"occurredAt\": \"%s\"}".formatted(LATER))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.currentStatus").isEqualTo("INVALID");
    }

    @Test
    void defeatsAreAppliedOnceAndInOrder() {
        String leadId = client.capture(dealerKey(dealer), lead(dealer, "def-1", null));
        String defeatId = "DF-" + UUID.randomUUID();
        EventEnvelope confirmed = confirmed(leadId, defeatId, 3, "AT_RISK");

        client.publishDefeatEvent(leadId, confirmed);
        client.publishDefeatEvent(leadId, confirmed);
        awaitStatus(leadId, "AT_RISK", 2);

        client.publishDefeatEvent(leadId, reversed(leadId, defeatId, 4));
        awaitStatus(leadId, "OPEN", 3);
        // A late copy of the confirmation (older version of the same defeat) must not move it again.
        client.publishDefeatEvent(leadId, confirmed(leadId, defeatId, 2, "DEFEATED"));
        client.publishDefeatEvent(leadId, confirmed);

        String other = "DF-" + UUID.randomUUID();
        client.publishDefeatEvent(leadId, confirmed(leadId, other, 3, "DEFEATED"));
        awaitStatus(leadId, "DEFEATED", 4);

        var changes = client.leadEvents(ofDealer(dealer, EventTypes.LEAD_STATUS_CHANGED), Duration.ofSeconds(8), 3);
        assertThat(changes).extracting(LeadServiceClient::payload).satisfiesExactly(
                p -> assertThat(p).contains("\"status\":\"AT_RISK\"", "\"previousStatus\":\"OPEN\"", defeatId),
                p -> assertThat(p).contains("\"status\":\"OPEN\"", "\"previousStatus\":\"AT_RISK\"", defeatId),
                p -> assertThat(p).contains("\"status\":\"DEFEATED\"", "\"previousStatus\":\"OPEN\"", other));
        assertThat(changes).extracting(r -> LeadServiceClient.header(r, "ce_sequence")).containsExactly("2", "3", "4");
    }

    @Test
    void aConfirmedDefeatForAWonLeadChangesNothing() {
        String leadId = client.capture(dealerKey(dealer), lead(dealer, "def-2", null));
        command(leadId, "deal", "{\"occurredAt\": \"%s\"}".formatted(LATER)).expectStatus().isOk();
        String defeatId = "DF-" + UUID.randomUUID();
        client.publishDefeatEvent(leadId, confirmed(leadId, defeatId, 3, "DEFEATED"));
        String marker = client.capture(dealerKey(dealer), lead(dealer, "def-3", null));
        client.publishDefeatEvent(marker, confirmed(marker, "DF-" + UUID.randomUUID(), 3, "DEFEATED"));
        awaitStatus(marker, "DEFEATED", 2);
        client.as(dealerKey(dealer)).get().uri("/api/leads/" + leadId).exchange().expectBody()
                .jsonPath("$.status").isEqualTo("WON").jsonPath("$.version").isEqualTo(2);
    }

    private void awaitStatus(String leadId, String status, int version) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<?, ?> lead = client.as(dealerKey(dealer)).get().uri("/api/leads/" + leadId).exchange()
                    .expectBody(Map.class).returnResult().getResponseBody();
            assertThat(List.of(lead.get("status"), lead.get("version"))).containsExactly(status, version);
        });
    }

    private EventEnvelope confirmed(String leadId, String defeatId, long sequence, String kind) {
        return new EventEnvelope(UUID.nameUUIDFromBytes((defeatId + sequence).getBytes()).toString(), "/defeat-service",
                EventTypes.DEFEAT_CONFIRMED, defeatId, LATER, dealer, "Baotou", sequence,
                LeadServiceClient.json(new DefeatConfirmed(defeatId, leadId, dealer, "Baotou", kind,
                        kind.equals("AT_RISK") ? "GAVE_UP" : "BOUGHT_COMPETITOR", List.of("PRICE"), null, LATER)));
    }

    private EventEnvelope reversed(String leadId, String defeatId, long sequence) {
        return new EventEnvelope(UUID.randomUUID().toString(), "/defeat-service", EventTypes.DEFEAT_REVERSED, defeatId,
                LATER, dealer, "Baotou", sequence,
                LeadServiceClient.json(new DefeatReversed(defeatId, leadId, dealer, "Baotou", LATER)));
    }

    private ResponseSpec command(String leadId, String command,
            String body) {
        return client.as(dealerKey(dealer)).post().uri("/api/leads/" + leadId + "/" + command)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
