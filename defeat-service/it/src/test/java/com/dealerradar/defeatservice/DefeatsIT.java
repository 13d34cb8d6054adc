package com.dealerradar.defeatservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealerradar.defeatservice.defeat.application.DefeatEvents;
import com.dealerradar.defeatservice.defeat.application.Defeats;
import com.dealerradar.defeatservice.defeat.application.LeadClaims;
import com.dealerradar.defeatservice.defeat.application.PendingDefeat;
import com.dealerradar.defeatservice.defeat.domain.Defeat;
import com.dealerradar.defeatservice.defeat.domain.DefeatKind;
import com.dealerradar.defeatservice.defeat.domain.DefeatSubtype;
import com.dealerradar.defeatservice.defeat.domain.NewDefeat;
import com.dealerradar.defeatservice.leadview.application.KnownLeads;
import com.dealerradar.defeatservice.leadview.domain.LeadStatus;
import com.dealerradar.events.CloudEventCodec;
import com.dealerradar.events.EventEnvelope;
import com.dealerradar.events.EventJson;
import com.dealerradar.events.EventTypes;
import com.dealerradar.events.Topics;
import com.dealerradar.events.followup.AtRiskCandidate;
import com.dealerradar.events.lead.LeadCaptured;
import com.dealerradar.events.lead.LeadInvalidated;
import com.dealerradar.events.lead.LeadStatusChanged;
import com.dealerradar.events.lead.LeadWon;
import com.dealerradar.platform.schedule.StoreLeases;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.InternalToken;
import com.dealerradar.platform.security.Role;
import com.dealerradar.testkit.EventSchemas;
import com.dealerradar.testkit.Namespace;
import com.dealerradar.testkit.RadarInfrastructure;
import com.dealerradar.testkit.ServiceClients;
import com.dealerradar.testkit.SharedInfrastructure;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * defeat-service fed through the real broker the way lead-service and followup-service feed it:
 * reports, callbacks and their settlement, at-risk cases, scoping, validation and the published events.
 * The callback is due 36 hours after the loss here (48 by default), to show that the setting is honoured.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "radar.defeat.callback-due=36h", "radar.defeat.opening-recovery-after=2s",
        "radar.defeat.opening-recovery-interval=500ms"})
@RadarInfrastructure
class DefeatsIT {

    private static final InternalToken TOKENS = new InternalToken(SharedInfrastructure.INTERNAL_TOKEN_SECRET);
    private static final OffsetDateTime CAPTURED_AT = OffsetDateTime.parse("2026-11-02T10:05:00+08:00");
    private static final String LOST_AT = "2026-11-20T18:00:00+08:00";
    private static final String CALLED_AT = "2026-11-21T10:00:00+08:00";

    @LocalServerPort
    int port;

    @Autowired
    KnownLeads knownLeads;

    @Autowired
    LeadClaims claims;

    @Autowired
    Defeats defeats;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    private KafkaProducer<String, CloudEvent> producer;
    private final Namespace namespace = Namespace.of(getClass());
    private final String dealer = "D-" + UUID.randomUUID().toString().substring(0, 8);
    private final String otherDealer = "D-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafka().bootstrapServers(),
                CloudEventSerializer.ENCODING_CONFIG, "BINARY"), new StringSerializer(), new CloudEventSerializer());
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void aReportIsConfirmedByItsCallbackAndThenTheLeadMayBeReportedAgain() {
        String leadId = capturedLead(dealer, "Chifeng");
        awaitKnown(leadId);
        Map<?, ?> created = post(dealerKey(dealer), "/api/defeats", report(leadId, "lost-1", "DEFEATED", "BOUGHT_COMPETITOR"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String defeatId = created.get("defeatId").toString();
        assertThat(created.get("state")).isEqualTo("PENDING_CALLBACK");
        assertThat(OffsetDateTime.parse(created.get("callbackDueAt").toString()).toInstant())
                .isEqualTo(OffsetDateTime.parse(LOST_AT).plusHours(36).toInstant());
        assertThat(created.get("region")).isEqualTo("Chifeng");
        assertThat(created.get("attempts")).isEqualTo(0);

        post(dealerKey(dealer), "/api/defeats", report(leadId, "lost-1", "DEFEATED", "BOUGHT_COMPETITOR"))
                .expectStatus().isOk().expectBody().jsonPath("$.defeatId").isEqualTo(defeatId);
        post(dealerKey(dealer), "/api/defeats", report(leadId, "lost-1", "AT_RISK", "GAVE_UP"))
                .expectStatus().isEqualTo(409).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        post(dealerKey(dealer), "/api/defeats", report(leadId, "lost-2", "AT_RISK", "GAVE_UP"))
                .expectStatus().isEqualTo(409);

        post(dealerKey(dealer), "/api/defeats/" + defeatId + "/callbacks", """
                {"occurredAt": "%s", "outcome": "CONFIRMED", "subtype": "BOUGHT_SAME_BRAND_ELSEWHERE",
                 "actualReasons": ["SALES_EXPERIENCE", "PRICE"], "boughtBrand": "Changan", "boughtModel": "CS75 PLUS",
                 "ratings": {"reception": 4, "needsAnalysis": 2, "presentation": 3, "testDrive": 5,
                             "negotiation": 2, "followUp": 1},
                 "verbatim": "the other store was nicer", "by": "manager.zhao"}
                """.formatted(CALLED_AT))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("CONFIRMED")
                .jsonPath("$.kind").isEqualTo("DEFEATED")
                .jsonPath("$.subtype").isEqualTo("BOUGHT_SAME_BRAND_ELSEWHERE")
                .jsonPath("$.attempts").isEqualTo(1)
                .jsonPath("$.callbacks[0].outcome").isEqualTo("CONFIRMED")
                .jsonPath("$.callbacks[0].ratings.followUp").isEqualTo(1)
                .jsonPath("$.callbacks[0].actualReasons[1]").isEqualTo("PRICE");
        post(dealerKey(dealer), "/api/defeats/" + defeatId + "/callbacks", callback("FALSE_DEFEAT"))
                .expectStatus().isEqualTo(409);
        get(dealerKey(dealer), "/api/defeats/" + defeatId).expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("CONFIRMED").jsonPath("$.callbacks.length()").isEqualTo(1);

        post(dealerKey(dealer), "/api/defeats", report(leadId, "lost-3", "DEFEATED", "LOST_CONTACT"))
                .expectStatus().isCreated();

        List<ConsumerRecord<String, byte[]>> events = defeatEvents(leadId, 4);
        assertThat(events).extracting(r -> header(r, "ce_type")).containsExactly(EventTypes.DEFEAT_REPORTED,
                EventTypes.DEFEAT_CALLBACK_RECORDED, EventTypes.DEFEAT_CONFIRMED, EventTypes.DEFEAT_REPORTED);
        assertThat(events.subList(0, 3)).extracting(r -> header(r, "ce_sequence")).containsExactly("1", "2", "3");
        assertThat(events).extracting(ConsumerRecord::key).containsOnly(leadId);
        assertThat(events.subList(0, 3)).extracting(r -> header(r, "ce_subject")).containsOnly(defeatId);
        assertThat(events).extracting(r -> header(r, "ce_source")).containsOnly("/defeat-service");
        assertThat(events).extracting(r -> header(r, "ce_dealerid")).containsOnly(dealer);
        events.forEach(r -> assertThat(EventSchemas.violations(header(r, "ce_type"), r.value())).isEmpty());
        assertThat(new String(events.get(2).value(), StandardCharsets.UTF_8))
                .contains("\"subtype\":\"BOUGHT_SAME_BRAND_ELSEWHERE\"");
    }

    @Test
    void aFalseDefeatIsReversed() {
        String leadId = capturedLead(dealer, "Chifeng");
        awaitKnown(leadId);
        String defeatId = defeatIdOf(post(dealerKey(dealer), "/api/defeats", report(leadId, "lost-f", "AT_RISK", "GAVE_UP")));
        post(regionManager("Chifeng"), "/api/defeats/" + defeatId + "/callbacks", callback("FALSE_DEFEAT"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("REVERSED")
                .jsonPath("$.callbacks[0].by").isEqualTo("manager.zhao");
        assertThat(defeatEvents(leadId, 3)).extracting(r -> header(r, "ce_type")).containsExactly(
                EventTypes.DEFEAT_REPORTED, EventTypes.DEFEAT_CALLBACK_RECORDED, EventTypes.DEFEAT_REVERSED);
    }

    @Test
    void threeUnreachableCallbacksConfirmTheLossAsLostContact() {
        String leadId = capturedLead(dealer, "Chifeng");
        awaitKnown(leadId);
        String defeatId = defeatIdOf(post(dealerKey(dealer), "/api/defeats",
                report(leadId, "lost-u", "DEFEATED", "BOUGHT_COMPETITOR")));
        for (int attempt = 1; attempt <= 2; attempt++) {
            post(dealerKey(dealer), "/api/defeats/" + defeatId + "/callbacks", callback("UNREACHABLE"))
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.state").isEqualTo("PENDING_CALLBACK")
                    .jsonPath("$.attempts").isEqualTo(attempt);
        }
        post(admin(), "/api/defeats/" + defeatId + "/callbacks", callback("UNREACHABLE"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("CONFIRMED")
                .jsonPath("$.kind").isEqualTo("DEFEATED")
                .jsonPath("$.subtype").isEqualTo("LOST_CONTACT")
                .jsonPath("$.attempts").isEqualTo(3);
        List<ConsumerRecord<String, byte[]>> events = defeatEvents(leadId, 5);
        assertThat(events).extracting(r -> header(r, "ce_type")).containsExactly(EventTypes.DEFEAT_REPORTED,
                EventTypes.DEFEAT_CALLBACK_RECORDED, EventTypes.DEFEAT_CALLBACK_RECORDED,
                EventTypes.DEFEAT_CALLBACK_RECORDED, EventTypes.DEFEAT_CONFIRMED);
        assertThat(events).extracting(r -> header(r, "ce_sequence")).containsExactly("1", "2", "3", "4", "5");
        assertThat(new String(events.get(4).value(), StandardCharsets.UTF_8)).contains("\"subtype\":\"LOST_CONTACT\"");
    }

    @Test
    void aRetriedCallbackWithItsExternalRefCountsOnce() {
        String leadId = capturedLead(dealer, "Chifeng");
        awaitKnown(leadId);
        String defeatId = defeatIdOf(post(dealerKey(dealer), "/api/defeats",
                report(leadId, "lost-r", "DEFEATED", "BOUGHT_COMPETITOR")));
        String first = callback("UNREACHABLE").replace("\"by\"", "\"externalRef\": \"cb-1\", \"by\"");
        for (int retry = 0; retry < 3; retry++) {
            post(dealerKey(dealer), "/api/defeats/" + defeatId + "/callbacks", first)
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.state").isEqualTo("PENDING_CALLBACK")
                    .jsonPath("$.attempts").isEqualTo(1)
                    .jsonPath("$.callbacks[0].externalRef").isEqualTo("cb-1");
        }
        for (int n = 2; n <= 3; n++) {
            post(dealerKey(dealer), "/api/defeats/" + defeatId + "/callbacks",
                    callback("UNREACHABLE").replace("\"by\"", "\"externalRef\": \"cb-" + n + "\", \"by\""))
                    .expectStatus().isOk();
        }
        // The third ref settled the defeat; its retry is answered as it stands, a new callback is refused.
        post(dealerKey(dealer), "/api/defeats/" + defeatId + "/callbacks",
                callback("UNREACHABLE").replace("\"by\"", "\"externalRef\": \"cb-3\", \"by\""))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("CONFIRMED").jsonPath("$.attempts").isEqualTo(3);
        post(dealerKey(dealer), "/api/defeats/" + defeatId + "/callbacks",
                callback("UNREACHABLE").replace("\"by\"", "\"externalRef\": \"cb-4\", \"by\""))
                .expectStatus().isEqualTo(409);
        assertThat(defeatEvents(leadId, 5)).extracting(r -> header(r, "ce_type")).containsExactly(
                EventTypes.DEFEAT_REPORTED, EventTypes.DEFEAT_CALLBACK_RECORDED, EventTypes.DEFEAT_CALLBACK_RECORDED,
                EventTypes.DEFEAT_CALLBACK_RECORDED, EventTypes.DEFEAT_CONFIRMED);
    }

    @Test
    void extremeDatesAndNumbersAreBadRequestsNamingTheField() {
        get(dealerKey(dealer), "/api/defeats?to=-999999999-01-01").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
        get(dealerKey(dealer), "/api/defeats?from=%2B999999999-12-31").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
        String leadId = capturedLead(dealer, "Chifeng");
        awaitKnown(leadId);
        post(dealerKey(dealer), "/api/defeats", report(leadId, "x-far", "DEFEATED", "BOUGHT_COMPETITOR")
                .replace(LOST_AT, "-290000000-01-01T00:00:00Z")).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("occurredAt");
        post(dealerKey(dealer), "/api/defeats", report(leadId, "x-ctl", "DEFEATED", "BOUGHT_COMPETITOR")
                .replace("\"Geely\"", "\"Gee\\u0000ly\"")).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("competitorBrand");
        get(dealerKey(dealer), "/api/defeats").expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void aWonOrInvalidLeadTakesNoReportEvenWhenAStaleEventComesAgain() {
        String won = capturedLead(dealer, "Chifeng");
        publish(Topics.LEADS, won, event(EventTypes.LEAD_WON, won, dealer, "Chifeng", 2,
                new LeadWon(won, dealer, "Chifeng", CAPTURED_AT.plusDays(3), "CS75 PLUS", null)));
        String invalid = capturedLead(dealer, "Chifeng");
        publish(Topics.LEADS, invalid, event(EventTypes.LEAD_INVALIDATED, invalid, dealer, "Chifeng", 2,
                new LeadInvalidated(invalid, dealer, "Chifeng", "NO_INTENT", CAPTURED_AT.plusDays(1))));
        awaitStatus(won, LeadStatus.WON);
        awaitStatus(invalid, LeadStatus.INVALID);

        post(dealerKey(dealer), "/api/defeats", report(won, "lost-w", "DEFEATED", "LOST_CONTACT"))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.detail").value(detail ->
                        assertThat(detail.toString()).contains("WON"));
        post(dealerKey(dealer), "/api/defeats", report(invalid, "lost-i", "DEFEATED", "LOST_CONTACT"))
                .expectStatus().isEqualTo(409);

        publish(Topics.LEADS, won, captured(won, dealer, "Chifeng"));
        String later = capturedLead(dealer, "Chifeng");
        awaitKnown(later);
        assertThat(knownLeads.find(won).block().status()).isEqualTo(LeadStatus.WON);
        post(dealerKey(dealer), "/api/defeats", report(won, "lost-w", "DEFEATED", "LOST_CONTACT"))
                .expectStatus().isEqualTo(409);
        get(dealerKey(dealer), "/api/defeats").expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void aReportOnALeadWhoseCaptureIsStillOnItsWayWaitsForIt() throws Exception {
        String leadId = "L-" + UUID.randomUUID();
        CompletableFuture<Integer> reported = CompletableFuture.supplyAsync(() -> post(dealerKey(dealer), "/api/defeats",
                report(leadId, "lost-early", "DEFEATED", "LOST_CONTACT")).returnResult(String.class).getStatus().value());
        // The capture event comes a moment after the report, well within the wait.
        Thread.sleep(1_000);
        publish(Topics.LEADS, leadId, captured(leadId, dealer, "Chifeng"));
        assertThat(reported.get(30, TimeUnit.SECONDS)).isEqualTo(201);
    }

    @Test
    void aReportOnALeadNeverCapturedIsNotFoundOnceTheWaitIsOver() {
        long started = System.nanoTime();
        post(dealerKey(dealer), "/api/defeats", report("L-never-captured", "lost-never", "DEFEATED", "LOST_CONTACT"))
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        // The wait (3 s) and a few round trips to the broker: well inside the gateway's response timeout (10 s),
        // past which the caller would get a 504 instead.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aReportWhileTheLeadEventsAreHeldUpIsA503ToSendAgain() {
        MessageListenerContainer leadEvents = listeners.getListenerContainer("defeat-service-leads");
        String leadId = "L-" + UUID.randomUUID();
        String body = report(leadId, "lost-held-up", "DEFEATED", "LOST_CONTACT");
        leadEvents.stop();
        try {
            // lead-service has accepted the lead and published its capture, but defeat-service is behind.
            publish(Topics.LEADS, leadId, captured(leadId, dealer, "Chifeng"));
            post(dealerKey(dealer), "/api/defeats", body)
                    .expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals("Retry-After", "5")
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("https://dealer-radar.dev/problems/lead-not-known-yet")
                    .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("same externalRef"));
        } finally {
            leadEvents.start();
        }
        awaitKnown(leadId);
        post(dealerKey(dealer), "/api/defeats", body).expectStatus().isCreated();
    }

    private void awaitStatus(String leadId, LeadStatus status) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> knownLeads.find(leadId)
                .blockOptional().map(lead -> lead.status() == status).orElse(false));
    }

    @Test
    void anAtRiskCandidateDeliveredTwiceOpensOneCase() {
        String leadId = capturedLead(dealer, "Chifeng");
        awaitKnown(leadId);
        OffsetDateTime since = OffsetDateTime.parse("2026-11-17T10:05:00+08:00");
        EventEnvelope candidate = event(EventTypes.FOLLOWUP_AT_RISK_CANDIDATE, leadId, dealer, "Chifeng", 1,
                new AtRiskCandidate(leadId, dealer, "Chifeng", "A", "WINDOW_PASSED", since));
        publish(Topics.FOLLOWUPS, leadId, candidate);
        publish(Topics.FOLLOWUPS, leadId, new EventEnvelope(UUID.randomUUID().toString(), candidate.source(),
                candidate.type(), candidate.subject(), candidate.time(), dealer, "Chifeng", 1, candidate.data()));

        AtomicReference<String> caseId = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            List<Map<?, ?>> cases = defeatsOfLead(leadId);
            assertThat(cases).hasSize(1);
            assertThat(cases.get(0).get("kind")).isEqualTo("AT_RISK");
            assertThat(cases.get(0).get("subtype")).isEqualTo("LONG_UNCONVERTED");
            assertThat(cases.get(0).get("origin")).isEqualTo("AT_RISK_CANDIDATE");
            assertThat(cases.get(0).get("state")).isEqualTo("PENDING_CALLBACK");
            caseId.set(cases.get(0).get("defeatId").toString());
        });
        post(dealerKey(dealer), "/api/defeats", report(leadId, "lost-a", "AT_RISK", "GAVE_UP")).expectStatus().isEqualTo(409);
        List<ConsumerRecord<String, byte[]>> reported = defeatEvents(leadId, 2);
        assertThat(reported).extracting(r -> header(r, "ce_type")).containsExactly(EventTypes.DEFEAT_REPORTED);
        assertThat(reported).extracting(r -> header(r, "ce_subject")).containsExactly(caseId.get());
        assertThat(defeatsOfLead(leadId)).hasSize(1);

        post(dealerKey(dealer), "/api/defeats/" + caseId.get() + "/callbacks", callback("CONFIRMED"))
                .expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("CONFIRMED");
        // The same episode once more opens nothing; a new episode opens a new case.
        publish(Topics.FOLLOWUPS, leadId, candidate);
        publish(Topics.FOLLOWUPS, leadId, event(EventTypes.FOLLOWUP_AT_RISK_CANDIDATE, leadId, dealer, "Chifeng", 2,
                new AtRiskCandidate(leadId, dealer, "Chifeng", "A", "LONG_OVERDUE", since.plusDays(2))));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(defeatsOfLead(leadId)).hasSize(2));
        assertThat(defeatEvents(leadId, 5)).extracting(r -> header(r, "ce_type")).containsExactly(
                EventTypes.DEFEAT_REPORTED, EventTypes.DEFEAT_CALLBACK_RECORDED, EventTypes.DEFEAT_CONFIRMED,
                EventTypes.DEFEAT_REPORTED);
    }

    private List<Map<?, ?>> defeatsOfLead(String leadId) {
        Map<?, ?> page = get(dealerKey(dealer), "/api/defeats").expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((List<?>) page.get("items")).stream().<Map<?, ?>>map(item -> (Map<?, ?>) item)
                .filter(item -> leadId.equals(item.get("leadId"))).toList();
    }

    @Test
    void aLeadThatLeadServiceDefeatedTakesNoAtRiskCaseButMayBeReportedAgain() {
        String defeated = capturedLead(dealer, "Chifeng");
        publish(Topics.LEADS, defeated, event(EventTypes.LEAD_STATUS_CHANGED, defeated, dealer, "Chifeng", 2,
                new LeadStatusChanged(defeated, dealer, "Chifeng", "DEFEATED", "OPEN", "DF-earlier",
                        CAPTURED_AT.plusDays(5))));
        awaitStatus(defeated, LeadStatus.DEFEATED);
        String open = capturedLead(dealer, "Chifeng");
        awaitKnown(open);

        OffsetDateTime since = OffsetDateTime.parse("2026-11-17T10:05:00+08:00");
        publish(Topics.FOLLOWUPS, defeated, event(EventTypes.FOLLOWUP_AT_RISK_CANDIDATE, defeated, dealer, "Chifeng", 1,
                new AtRiskCandidate(defeated, dealer, "Chifeng", "A", "WINDOW_PASSED", since)));
        // Same record key, so the same partition: once this one is applied, the one before it was too.
        publish(Topics.FOLLOWUPS, defeated, event(EventTypes.FOLLOWUP_AT_RISK_CANDIDATE, open, dealer, "Chifeng", 1,
                new AtRiskCandidate(open, dealer, "Chifeng", "A", "WINDOW_PASSED", since)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(defeatsOfLead(open)).hasSize(1));
        assertThat(defeatsOfLead(defeated)).isEmpty();

        post(dealerKey(dealer), "/api/defeats", report(defeated, "lost-again", "DEFEATED", "BOUGHT_COMPETITOR"))
                .expectStatus().isCreated();
    }

    @Test
    void everyCallerSeesAndTouchesOnlyItsOwnScope() {
        String leadId = capturedLead(dealer, "Chifeng");
        String elsewhere = capturedLead(otherDealer, "Baotou");
        awaitKnown(leadId);
        awaitKnown(elsewhere);
        String defeatId = defeatIdOf(post(dealerKey(dealer), "/api/defeats", report(leadId, "lost-s", "AT_RISK", "GAVE_UP")));
        String otherId = defeatIdOf(post(dealerKey(otherDealer), "/api/defeats",
                report(elsewhere, "lost-o", "DEFEATED", "LOST_CONTACT").replace(LOST_AT, "2026-11-19T08:00:00+08:00")));

        post(dealerKey(otherDealer), "/api/defeats", report(leadId, "x-1", "AT_RISK", "GAVE_UP")).expectStatus().isNotFound();
        post(regionManager("Chifeng"), "/api/defeats", report(leadId, "x-2", "AT_RISK", "GAVE_UP")).expectStatus().isForbidden();
        post(dealerKey(dealer), "/api/defeats", report("L-nobody", "x-3", "AT_RISK", "GAVE_UP")).expectStatus().isNotFound();

        get(dealerKey(otherDealer), "/api/defeats/" + defeatId).expectStatus().isNotFound();
        get(regionManager("Baotou"), "/api/defeats/" + defeatId).expectStatus().isNotFound();
        get(regionManager("Chifeng"), "/api/defeats/" + defeatId).expectStatus().isOk();
        get(hq(), "/api/defeats/" + defeatId).expectStatus().isOk();

        post(dealerKey(otherDealer), "/api/defeats/" + defeatId + "/callbacks", callback("CONFIRMED")).expectStatus().isNotFound();
        post(regionManager("Baotou"), "/api/defeats/" + defeatId + "/callbacks", callback("CONFIRMED")).expectStatus().isNotFound()
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain(dealer));
        post(hq(), "/api/defeats/" + defeatId + "/callbacks", callback("CONFIRMED")).expectStatus().isForbidden()
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain(dealer));

        get(regionManager("Baotou"), "/api/defeats?region=Chifeng").expectStatus().isForbidden();
        get(regionManager("Baotou"), "/api/defeats?dealerId=" + dealer).expectStatus().isForbidden();
        get(regionManager("Baotou"), "/api/defeats/callbacks/due?region=Chifeng").expectStatus().isForbidden();
        get(dealerKey(dealer), "/api/defeats?dealerId=" + otherDealer).expectStatus().isForbidden();
        get(dealerKey(dealer), "/api/defeats?region=Chifeng").expectStatus().isForbidden();
        get(dealerKey(dealer), "/api/defeats/callbacks/due?dealerId=" + otherDealer).expectStatus().isForbidden();

        get(dealerKey(dealer), "/api/defeats/callbacks/due").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].defeatId").isEqualTo(defeatId)
                .jsonPath("$.items[0].overdue").isEqualTo(true);
        get(regionManager("Baotou"), "/api/defeats").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].defeatId").isEqualTo(otherId);
        Map<?, ?> due = get(admin(), "/api/defeats/callbacks/due?size=500").expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        List<Object> mine = ((List<?>) due.get("items")).stream().map(item -> ((Map<?, ?>) item).get("defeatId"))
                .filter(id -> id.equals(defeatId) || id.equals(otherId)).map(Object.class::cast).toList();
        assertThat(mine).containsExactly(otherId, defeatId);
        get(hq(), "/api/defeats?dealerId=" + dealer + "&state=PENDING_CALLBACK&from=2026-11-20&to=2026-11-20")
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(1);
        get(hq(), "/api/defeats?dealerId=" + dealer + "&from=2026-11-21").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(0);
        get(hq(), "/api/defeats?from=2026-11-21&to=2026-11-20").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("to");
        get(hq(), "/api/defeats?state=LOST").expectStatus().isBadRequest();
        get(hq(), "/api/defeats?size=501").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("size");
    }

    @Test
    void invalidInputIsAProblemNamingTheFieldAndStoresNothing() {
        String leadId = capturedLead(dealer, "Chifeng");
        awaitKnown(leadId);
        post(dealerKey(dealer), "/api/defeats", report(leadId, "v-1", "AT_RISK", "BOUGHT_COMPETITOR"))
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("subtype");
        post(dealerKey(dealer), "/api/defeats", report(leadId, "v-2", "DEFEATED", "BOUGHT_COMPETITOR")
                .replace("\"competitorBrand\": \"Geely\",", "")).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("competitorBrand");
        post(dealerKey(dealer), "/api/defeats", report(leadId, "v-3", "DEFEATED", "BOUGHT_COMPETITOR")
                .replace("\"PRICE\"", "\"HOROSCOPE\"")).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("reasons[0]");
        post(dealerKey(dealer), "/api/defeats", report(leadId, "v-4", "DEFEATED", "BOUGHT_COMPETITOR")
                .replace("\"kind\": \"DEFEATED\",", "")).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("kind");
        post(dealerKey(dealer), "/api/defeats", report(leadId, "v-5", "DEFEATED", "BOUGHT_COMPETITOR")
                .replace("\"note\"", "\"sameGroupDealerId\": \"D-BT-01\", \"note\"")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("sameGroupDealerId");
        post(dealerKey(dealer), "/api/defeats", "{\"leadId\": ").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("body");
        get(dealerKey(dealer), "/api/defeats").expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);

        String defeatId = defeatIdOf(post(dealerKey(dealer), "/api/defeats",
                report(leadId, "v-6", "DEFEATED", "BOUGHT_COMPETITOR")));
        post(dealerKey(dealer), "/api/defeats/" + defeatId + "/callbacks", callback("CONFIRMED")
                .replace("\"negotiation\": 2", "\"negotiation\": 7")).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("ratings.negotiation");
        post(dealerKey(dealer), "/api/defeats/" + defeatId + "/callbacks", callback("CONFIRMED")
                .replace("\"CONFIRMED\"", "\"MAYBE\"")).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("outcome");
        post(dealerKey(dealer), "/api/defeats/" + defeatId + "/callbacks", callback("UNREACHABLE")
                .replace("\"outcome\"", "\"kind\": \"AT_RISK\", \"outcome\"")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("kind");
        post(dealerKey(dealer), "/api/defeats/" + defeatId + "/callbacks", callback("CONFIRMED")
                .replace("\"outcome\"", "\"kind\": \"AT_RISK\", \"outcome\"")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("subtype");
        get(dealerKey(dealer), "/api/defeats/" + defeatId).expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("PENDING_CALLBACK").jsonPath("$.callbacks.length()").isEqualTo(0);
        assertThat(defeatEvents(leadId, 1)).extracting(r -> header(r, "ce_type"))
                .containsExactly(EventTypes.DEFEAT_REPORTED);
    }

    @Test
    void concurrentReportsOnOneLeadOpenOneDefeat() throws Exception {
        String leadId = capturedLead(dealer, "Chifeng");
        awaitKnown(leadId);
        List<Integer> different = concurrently(8, i -> report(leadId, "race-" + i, "AT_RISK", "GAVE_UP"));
        assertThat(different).filteredOn(status -> status == 201).hasSize(1);
        assertThat(different).filteredOn(status -> status == 409).hasSize(7);

        String other = capturedLead(dealer, "Chifeng");
        awaitKnown(other);
        List<Integer> identical = concurrently(8, i -> report(other, "same", "AT_RISK", "GAVE_UP"));
        assertThat(identical).filteredOn(status -> status == 201).hasSize(1);
        assertThat(identical).filteredOn(status -> status == 200).hasSize(7);
        get(dealerKey(dealer), "/api/defeats?state=PENDING_CALLBACK").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(2);
    }

    /** Posts {@code n} reports at once; completes with their statuses. */
    private List<Integer> concurrently(int n, IntFunction<String> body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String json = body.apply(i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return post(dealerKey(dealer), "/api/defeats", json).returnResult(String.class).getStatus().value();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aReportMeetingAnInterruptedOpeningCompletesItFirst() {
        String leadId = capturedLead(dealer, "Chifeng");
        awaitKnown(leadId);
        Defeat interrupted = interruptedOpening(leadId, "crashed-1");

        post(dealerKey(dealer), "/api/defeats", report(leadId, "after-crash", "AT_RISK", "GAVE_UP"))
                .expectStatus().isEqualTo(409);
        get(dealerKey(dealer), "/api/defeats/" + interrupted.defeatId()).expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("PENDING_CALLBACK");
        post(dealerKey(dealer), "/api/defeats", """
                {"leadId": "%s", "externalRef": "crashed-1", "occurredAt": "%s", "kind": "AT_RISK", "subtype": "GAVE_UP"}
                """.formatted(leadId, LOST_AT))
                .expectStatus().isOk().expectBody().jsonPath("$.defeatId").isEqualTo(interrupted.defeatId());
        assertThat(defeatEvents(leadId, 1)).extracting(r -> header(r, "ce_subject")).containsExactly(interrupted.defeatId());
    }

    @Test
    void anInterruptedOpeningIsCompletedByTheSweepAlone() {
        String leadId = capturedLead(dealer, "Chifeng");
        awaitKnown(leadId);
        Defeat interrupted = interruptedOpening(leadId, "crashed-2");
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> defeats.find(interrupted.defeatId()).blockOptional().isPresent());
        get(dealerKey(dealer), "/api/defeats/" + interrupted.defeatId()).expectStatus().isOk();
        assertThat(defeatEvents(leadId, 1)).extracting(r -> header(r, "ce_type"))
                .containsExactly(EventTypes.DEFEAT_REPORTED);
        Document lease = mongo.findById("defeat-interrupted-openings", Document.class, StoreLeases.COLLECTION).block();
        assertThat(lease).as("the sweep's lease").isNotNull();
        assertThat(lease.getString("holder")).startsWith("defeat-service/");
    }

    @Test
    void aMarkerLeftOnASettledOrMissingDefeatDoesNotBlockTheLead() {
        String leadId = capturedLead(dealer, "Chifeng");
        awaitKnown(leadId);
        String settled = defeatIdOf(post(dealerKey(dealer), "/api/defeats", report(leadId, "m-1", "AT_RISK", "GAVE_UP")));
        post(dealerKey(dealer), "/api/defeats/" + settled + "/callbacks", callback("FALSE_DEFEAT")).expectStatus().isOk();
        leaveMarker(leadId, settled);
        String open = defeatIdOf(post(dealerKey(dealer), "/api/defeats", report(leadId, "m-2", "AT_RISK", "GAVE_UP")));

        String other = capturedLead(dealer, "Chifeng");
        awaitKnown(other);
        leaveMarker(other, "DF-never-inserted");
        post(dealerKey(dealer), "/api/defeats", report(other, "m-3", "AT_RISK", "GAVE_UP")).expectStatus().isCreated();
        assertThat(knownLeads.find(leadId).block().openDefeatId()).isEqualTo(open);
    }

    /** A report whose writer died after claiming the lead and before inserting the defeat. */
    private Defeat interruptedOpening(String leadId, String externalRef) {
        Defeat defeat = reportOn(leadId, "DF-" + UUID.randomUUID(), externalRef);
        assertThat(claims.claim(new PendingDefeat(defeat, List.of(DefeatEvents.reported(defeat))),
                LeadStatus.acceptingReports(), Instant.now()).block()).isTrue();
        return defeat;
    }

    /** A marker whose release a crash prevented. */
    private void leaveMarker(String leadId, String defeatId) {
        Defeat placeholder = reportOn(leadId, defeatId, "placeholder-" + defeatId);
        assertThat(claims.claim(new PendingDefeat(placeholder, List.of()), LeadStatus.acceptingReports(),
                Instant.now()).block()).isTrue();
        claims.completeClaim(leadId, defeatId).block();
    }

    private Defeat reportOn(String leadId, String defeatId, String externalRef) {
        return Defeat.report(defeatId, dealer, "Chifeng", new NewDefeat(leadId, externalRef,
                OffsetDateTime.parse(LOST_AT), DefeatKind.AT_RISK, DefeatSubtype.GAVE_UP, List.of(), null, null, null,
                null, null), Duration.ofHours(48), Instant.now());
    }

    private String capturedLead(String dealerId, String region) {
        String leadId = "L-" + UUID.randomUUID();
        publish(Topics.LEADS, leadId, captured(leadId, dealerId, region));
        return leadId;
    }

    private EventEnvelope captured(String leadId, String dealerId, String region) {
        return event(EventTypes.LEAD_CAPTURED, leadId, dealerId, region, 1, new LeadCaptured(leadId, dealerId, region,
                "crm-" + leadId, CAPTURED_AT, "SHOWROOM", "A", true, "CS75 PLUS", "wang.li",
                new LeadCaptured.Customer("INDIVIDUAL", null, null, null), null));
    }

    private static EventEnvelope event(String type, String subject, String dealerId, String region, long sequence,
            Object payload) {
        return new EventEnvelope(UUID.randomUUID().toString(), "/lead-service", type, subject, CAPTURED_AT, dealerId,
                region, sequence, EventJson.write(payload));
    }

    private void publish(String topic, String key, EventEnvelope event) {
        try {
            producer.send(new ProducerRecord<>(namespace.topic(topic), key, CloudEventCodec.toCloudEvent(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until defeat-service has learned of the lead from radar.leads (until then a report on it is 404). */
    private void awaitKnown(String leadId) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> knownLeads.find(leadId).blockOptional().isPresent());
    }

    private static String defeatIdOf(WebTestClient.ResponseSpec response) {
        return response.expectBody(Map.class).returnResult().getResponseBody().get("defeatId").toString();
    }

    private List<ConsumerRecord<String, byte[]>> defeatEvents(String leadId, int atMost) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(namespace.topic(Topics.DEFEATS)));
            long deadline = System.nanoTime() + Duration.ofSeconds(6).toNanos();
            while (System.nanoTime() < deadline && mine.size() < atMost) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (leadId.equals(r.key())) {
                        mine.add(r);
                    }
                });
            }
        }
        return mine;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String report(String leadId, String externalRef, String kind, String subtype) {
        return """
                {"leadId": "%s", "externalRef": "%s", "occurredAt": "%s", "kind": "%s", "subtype": "%s",
                 "reasons": ["PRICE", "COMPETITOR_OFFER"], "competitorBrand": "Geely", "competitorModel": "Monjaro",
                 "note": "bought elsewhere", "reportedBy": "wang.li"}
                """.formatted(leadId, externalRef, LOST_AT, kind, subtype);
    }

    private static String callback(String outcome) {
        return """
                {"occurredAt": "%s", "outcome": "%s", "actualReasons": ["SALES_EXPERIENCE"],
                 "ratings": {"reception": 4, "needsAnalysis": 2, "presentation": 3, "testDrive": 5,
                             "negotiation": 2, "followUp": 1},
                 "verbatim": "…", "by": "manager.zhao"}
                """.formatted(CALLED_AT, outcome);
    }

    private WebTestClient.ResponseSpec post(Caller caller, String path, String json) {
        return as(caller).post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private WebTestClient.ResponseSpec get(Caller caller, String path) {
        return as(caller).get().uri(path).exchange();
    }

    private WebTestClient as(Caller caller) {
        return ServiceClients.withToken(port, TOKENS.sign(caller, "defeat-service", Instant.now()));
    }

    private static Caller admin() {
        return new Caller("admin", Role.ADMIN, null, null);
    }

    private static Caller hq() {
        return new Caller("hq", Role.HQ, null, null);
    }

    private static Caller regionManager(String region) {
        return new Caller("rm-" + region, Role.REGION_MANAGER, null, region);
    }

    private static Caller dealerKey(String dealerId) {
        return new Caller("k-" + dealerId, Role.DEALER, dealerId, null);
    }
}
