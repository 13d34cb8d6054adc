package com.dealerradar.followupservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealerradar.events.CloudEventCodec;
import com.dealerradar.events.EventEnvelope;
import com.dealerradar.events.EventJson;
import com.dealerradar.events.EventTypes;
import com.dealerradar.events.Topics;
import com.dealerradar.events.directory.DealerRegistered;
import com.dealerradar.events.lead.LeadCaptured;
import com.dealerradar.events.lead.LeadGraded;
import com.dealerradar.events.lead.LeadWon;
import com.dealerradar.followupservice.followup.adapter.mongo.FollowUpStore;
import com.dealerradar.followupservice.followup.application.AwaitingFollowUpExpiry;
import com.dealerradar.followupservice.followup.application.UnfinishedFollowUps;
import com.dealerradar.followupservice.followup.domain.FollowUp;
import com.dealerradar.followupservice.followup.domain.FollowUpOutcome;
import com.dealerradar.followupservice.followup.domain.FollowUpState;
import com.dealerradar.followupservice.followup.domain.FollowUpType;
import com.dealerradar.followupservice.followup.domain.NewFollowUp;
import com.dealerradar.followupservice.schedule.application.OverdueDetector;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.InternalToken;
import com.dealerradar.platform.security.Role;
import com.dealerradar.testkit.EventSchemas;
import com.dealerradar.testkit.Namespace;
import com.dealerradar.testkit.RadarInfrastructure;
import com.dealerradar.testkit.ServiceClients;
import com.dealerradar.testkit.SharedInfrastructure;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.cloudevents.kafka.CloudEventSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * followup-service fed through the real broker the way lead-service feeds it, with a clock the test
 * moves: due lists per dealer, overdue and at-risk announcements (once, however many detectors run),
 * cadence changes, follow-ups that come before their lead, bad input and scoping.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "radar.followup.detector-interval=1h", "radar.followup.completion-interval=1h",
        "radar.followup.unknown-lead-wait=1s", "radar.followup.awaiting-lead-expiry-interval=1h",
        "radar.followup.awaiting-count-interval=200ms"})
@RadarInfrastructure
class FollowUpsIT {

    private static final InternalToken TOKENS = new InternalToken(SharedInfrastructure.INTERNAL_TOKEN_SECRET);
    private static final Instant T0 = Instant.parse("2026-11-10T02:00:00Z");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Duration EVENTUALLY = Duration.ofSeconds(20);

    @TestConfiguration
    static class ControllableTime {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(T0);
        }

        @Bean
        StoreCommands storeCommands() {
            return new StoreCommands();
        }

        @Bean
        MongoClientSettingsBuilderCustomizer recordStoreCommands(StoreCommands commands) {
            return settings -> settings.addCommandListener(commands);
        }
    }

    /** The commands the service sends to the store while a test records them. */
    static final class StoreCommands implements CommandListener {
        private final List<BsonDocument> recorded = new CopyOnWriteArrayList<>();
        private volatile boolean recording;

        @Override
        public void commandStarted(CommandStartedEvent event) {
            if (recording) {
                recorded.add(event.getCommand().clone());
            }
        }

        List<BsonDocument> during(Runnable action) {
            recorded.clear();
            recording = true;
            try {
                action.run();
            } finally {
                recording = false;
            }
            return List.copyOf(recorded);
        }
    }

    /** A clock that stands still until the test moves it. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    MovableClock clock;
    @Autowired
    OverdueDetector detector;
    @Autowired
    FollowUpStore followUpStore;
    @Autowired
    UnfinishedFollowUps unfinished;
    @Autowired
    AwaitingFollowUpExpiry expiry;
    @Autowired
    MeterRegistry meters;
    @Autowired
    StoreCommands storeCommands;

    private final Namespace namespace = Namespace.of(getClass());
    private final String suffix = UUID.randomUUID().toString().substring(0, 6);
    private final String dealerA = "D-A-" + suffix;
    private final String dealerB = "D-B-" + suffix;
    private final String regionA = "Chifeng-" + suffix;
    private final String regionB = "Baotou-" + suffix;
    private KafkaProducer<String, CloudEvent> producer;

    @BeforeEach
    void connect() {
        clock.set(T0);
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafka().bootstrapServers(),
                CloudEventSerializer.ENCODING_CONFIG, "BINARY"), new StringSerializer(), new CloudEventSerializer());
        registered(dealerA, regionA);
        registered(dealerB, regionB);
    }

    @AfterEach
    void disconnect() {
        producer.close();
        clock.set(T0);
    }

    @Test
    void eachDealersDueListHoldsExactlyItsOpenLeadsInDueOrder() {
        String dueInADay = captured(dealerA, regionA, "H", T0.minus(Duration.ofHours(2)));
        String dueLongAgo = captured(dealerA, regionA, "C", T0.minus(Duration.ofDays(20)));
        String reachedAnHourAgo = captured(dealerA, regionA, "A", T0.minus(Duration.ofHours(5)));
        String won = captured(dealerA, regionA, "H", T0.minus(Duration.ofHours(3)));
        String ofB = captured(dealerB, regionB, "B", T0.minus(Duration.ofHours(3)));
        awaitKnown(dueInADay, dueLongAgo, reachedAnHourAgo, won, ofB);
        record(dealerA, reachedAnHourAgo, "fu-1", T0.minus(Duration.ofHours(1)), "REACHED").expectStatus().isCreated();
        publish(won, 2, EventTypes.LEAD_WON,
                new LeadWon(won, dealerA, regionA, at(T0.minus(Duration.ofMinutes(30))), "CS75 PLUS", null));
        String farAhead = T0.plus(Duration.ofDays(60)).toString();

        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(dueLeadIds(dealerKey(dealerA), "?until=" + farAhead))
                .containsExactly(dueLongAgo, dueInADay, reachedAnHourAgo));
        as(dealerKey(dealerA)).get().uri("/api/follow-ups/due?until=" + farAhead).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.items[0].overdue").isEqualTo(true)
                .jsonPath("$.items[0].dueAt").isEqualTo(iso(T0.minus(Duration.ofDays(6))))
                .jsonPath("$.items[0].lastReachedAt").doesNotExist()
                .jsonPath("$.items[1].overdue").isEqualTo(false)
                .jsonPath("$.items[1].grade").isEqualTo("H")
                .jsonPath("$.items[2].lastReachedAt").isEqualTo(iso(T0.minus(Duration.ofHours(1))))
                .jsonPath("$.items[2].dueAt").isEqualTo(iso(T0.minus(Duration.ofHours(1)).plus(Duration.ofDays(3))));
        assertThat(dueLeadIds(dealerKey(dealerA), "")).containsExactly(dueLongAgo);
        assertThat(dueLeadIds(dealerKey(dealerB), "?until=" + farAhead)).containsExactly(ofB);
        assertThat(dueLeadIds(regionManager(regionA), "?until=" + farAhead))
                .containsExactly(dueLongAgo, dueInADay, reachedAnHourAgo);
        assertThat(dueLeadIds(hq(), "?dealerId=" + dealerB + "&until=" + farAhead)).containsExactly(ofB);
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(
                dueLeadIds(regionManager(regionA), "?dealerId=" + dealerA + "&until=" + farAhead)).hasSize(3));

        as(dealerKey(dealerA)).get().uri("/api/follow-ups/due?dealerId=" + dealerB).exchange()
                .expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        as(dealerKey(dealerA)).get().uri("/api/follow-ups/due?region=" + regionA).exchange().expectStatus().isForbidden();
        as(regionManager(regionA)).get().uri("/api/follow-ups/due?region=" + regionB).exchange().expectStatus().isForbidden();
        as(regionManager(regionA)).get().uri("/api/follow-ups/due?dealerId=" + dealerB).exchange().expectStatus().isForbidden();
        as(dealerKey(dealerA)).get().uri("/api/follow-ups/due?until=tomorrow").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("until");
    }

    @Test
    void movingTheClockPastTheIntervalMarksTheLeadOverdueAndAnnouncesItOnce() {
        String lead = captured(dealerA, regionA, "A", T0);
        awaitKnown(lead);
        detector.runOnce().block();
        assertThat(dueLeadIds(dealerKey(dealerA), "")).isEmpty();
        assertThat(eventsOf(lead, EventTypes.FOLLOWUP_OVERDUE, 0)).isEmpty();

        clock.set(T0.plus(Duration.ofDays(3)).plusSeconds(60));
        as(dealerKey(dealerA)).get().uri("/api/follow-ups/due").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].leadId").isEqualTo(lead)
                .jsonPath("$.items[0].overdue").isEqualTo(true);
        detector.runOnce().block();
        detector.runOnce().block();
        assertThat(eventsOf(lead, EventTypes.FOLLOWUP_OVERDUE, 1)).hasSize(1);

        Instant reached = T0.plus(Duration.ofDays(3)).plusSeconds(30);
        record(dealerA, lead, "fu-late", reached, "APPOINTMENT_SET").expectStatus().isCreated();
        assertThat(dueLeadIds(dealerKey(dealerA), "")).isEmpty();
        detector.runOnce().block();
        clock.set(reached.plus(Duration.ofDays(3)).plusSeconds(1));
        detector.runOnce().block();
        List<ConsumerRecord<String, byte[]>> overdue = eventsOf(lead, EventTypes.FOLLOWUP_OVERDUE, 2);
        assertThat(overdue).hasSize(2);
        String second = new String(overdue.get(1).value(), StandardCharsets.UTF_8);
        assertThat(second).contains("\"dueAt\":\"" + iso(reached.plus(Duration.ofDays(3))) + "\"");
        assertThat(EventSchemas.violations(EventTypes.FOLLOWUP_OVERDUE, second)).isEmpty();
        assertThat(header(overdue.get(1), "ce_source")).isEqualTo("/followup-service");
        assertThat(overdue.get(1).key()).isEqualTo(lead);
    }

    @Test
    void pastTwiceTheIntervalAndPastTheWindowTheLeadIsAnAtRiskCandidateOncePerReason() {
        String lead = captured(dealerA, regionA, "H", T0);
        awaitKnown(lead);
        clock.set(T0.plus(Duration.ofDays(3)).plusSeconds(60));
        detector.runOnce().block();
        detector.runOnce().block();
        as(dealerKey(dealerA)).get().uri("/api/follow-ups/at-risk-candidates").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[0].leadId").isEqualTo(lead)
                .jsonPath("$.items[0].reasons[0]").isEqualTo("LONG_OVERDUE")
                .jsonPath("$.total").isEqualTo(1);
        as(dealerKey(dealerB)).get().uri("/api/follow-ups/at-risk-candidates").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(0);
        List<ConsumerRecord<String, byte[]>> candidates = eventsOf(lead, EventTypes.FOLLOWUP_AT_RISK_CANDIDATE, 1);
        assertThat(candidates).hasSize(1);
        assertThat(new String(candidates.get(0).value(), StandardCharsets.UTF_8)).contains("\"why\":\"LONG_OVERDUE\"");

        clock.set(T0.plus(Duration.ofDays(7)).plusSeconds(60));
        detector.runOnce().block();
        detector.runOnce().block();
        candidates = eventsOf(lead, EventTypes.FOLLOWUP_AT_RISK_CANDIDATE, 2);
        assertThat(candidates).hasSize(2);
        String windowPassed = new String(candidates.get(1).value(), StandardCharsets.UTF_8);
        assertThat(windowPassed).contains("\"why\":\"WINDOW_PASSED\"")
                .contains("\"since\":\"" + iso(T0.plus(Duration.ofDays(7))) + "\"");
        assertThat(EventSchemas.violations(EventTypes.FOLLOWUP_AT_RISK_CANDIDATE, windowPassed)).isEmpty();
        assertThat(eventsOf(lead, EventTypes.FOLLOWUP_OVERDUE, 1)).hasSize(1);
    }

    @Test
    void detectorsRunningAtTheSameTimeAnnounceEachThingOnce() {
        List<String> leads = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            leads.add(captured(dealerB, regionB, "H", T0));
        }
        awaitKnown(leads.toArray(String[]::new));
        clock.set(T0.plus(Duration.ofDays(8)));

        Mono.when(detector.runOnce().subscribeOn(Schedulers.parallel()),
                detector.runOnce().subscribeOn(Schedulers.parallel()),
                detector.runOnce().subscribeOn(Schedulers.parallel())).block();
        detector.runOnce().block();

        List<ConsumerRecord<String, byte[]>> events = eventsOfDealer(dealerB, 45);
        assertThat(events).hasSize(45);
        assertThat(events.stream().filter(e -> header(e, "ce_type").equals(EventTypes.FOLLOWUP_OVERDUE))
                .map(ConsumerRecord::key).distinct()).hasSize(15);
        assertThat(events.stream().filter(e -> header(e, "ce_type").equals(EventTypes.FOLLOWUP_AT_RISK_CANDIDATE))
                .map(e -> e.key() + new String(e.value(), StandardCharsets.UTF_8).replaceAll(".*\"why\":\"(\\w+)\".*", "$1"))
                .distinct()).hasSize(30);
    }

    @Test
    void aHistoryImportIsAnnouncedByOneRunAndListedAsAtRiskAtOnce() {
        List<String> leads = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            leads.add(captured(dealerB, regionB, "H", T0.minus(Duration.ofDays(30)).plusSeconds(i)));
        }
        awaitKnown(leads.toArray(String[]::new));
        as(dealerKey(dealerB)).get().uri("/api/follow-ups/at-risk-candidates?size=5&page=1").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(12)
                .jsonPath("$.items[0].leadId").isEqualTo(leads.get(5))
                .jsonPath("$.items[0].reasons.length()").isEqualTo(2);

        detector.runOnce().block();
        detector.runOnce().block();

        List<ConsumerRecord<String, byte[]>> events = eventsOfDealer(dealerB, 36);
        assertThat(events).hasSize(36);
        assertThat(events.stream().map(ConsumerRecord::key).distinct()).hasSize(12);
    }

    @Test
    void changingTheCadenceChangesTheDueTimesOfOpenLeads() {
        String lead = captured(dealerA, regionA, "B", T0);
        awaitKnown(lead);
        assertThat(dueAtOf(dealerA, lead)).isEqualTo(iso(T0.plus(Duration.ofDays(7))));
        try {
            as(dealerKey(dealerA)).put().uri("/api/follow-ups/cadence").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(cadence(2, 30)).exchange().expectStatus().isForbidden();
            as(hq()).put().uri("/api/follow-ups/cadence").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(cadence(10, 5)).exchange().expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("grades.B.windowDays");
            as(hq()).put().uri("/api/follow-ups/cadence").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"grades\": {\"H\": {\"intervalDays\": 1, \"windowDays\": 7}}}").exchange()
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[*].field")
                    .value(fields -> assertThat(fields.toString()).contains("grades.A", "grades.B", "grades.C"));
            as(hq()).put().uri("/api/follow-ups/cadence").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(cadence(0, 30)).exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("grades.B.intervalDays");
            as(dealerKey(dealerA)).get().uri("/api/follow-ups/cadence").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.grades.B.intervalDays").isEqualTo(7);

            as(hq()).put().uri("/api/follow-ups/cadence").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(cadence(2, 30)).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.grades.B.intervalDays").isEqualTo(2)
                    .jsonPath("$.grades.H.intervalDays").isEqualTo(1);
            assertThat(dueAtOf(dealerA, lead)).isEqualTo(iso(T0.plus(Duration.ofDays(2))));
            as(dealerKey(dealerA)).get().uri("/api/follow-ups/cadence").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.grades.B.windowDays").isEqualTo(30);
        } finally {
            as(admin()).put().uri("/api/follow-ups/cadence").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(cadence(7, 30)).exchange().expectStatus().isOk();
        }
        assertThat(dueAtOf(dealerA, lead)).isEqualTo(iso(T0.plus(Duration.ofDays(7))));
    }

    @Test
    void aGradeChangeReplansTheLeadAtOnce() {
        String lead = captured(dealerA, regionA, "C", T0);
        awaitKnown(lead);
        assertThat(dueAtOf(dealerA, lead)).isEqualTo(iso(T0.plus(Duration.ofDays(14))));
        publish(lead, 2, EventTypes.LEAD_GRADED, new LeadGraded(lead, dealerA, regionA, "H", "C", at(T0)));
        await().atMost(EVENTUALLY).untilAsserted(() ->
                assertThat(dueAtOf(dealerA, lead)).isEqualTo(iso(T0.plus(Duration.ofDays(1)))));
    }

    @Test
    void theFirstReachedFollowUpCarriesTheFirstResponseTime() {
        String lead = captured(dealerA, regionA, "A", T0.minus(Duration.ofHours(2)));
        awaitKnown(lead);
        record(dealerA, lead, "fu-tried", T0.minus(Duration.ofMinutes(100)), "NOT_REACHED").expectStatus().isCreated();
        record(dealerA, lead, "fu-reached", T0.minus(Duration.ofMinutes(75)), "REACHED").expectStatus().isCreated();
        record(dealerA, lead, "fu-again", T0.minus(Duration.ofMinutes(10)), "VISITED").expectStatus().isCreated();
        List<ConsumerRecord<String, byte[]>> recorded = eventsOf(lead, EventTypes.FOLLOWUP_RECORDED, 3);
        assertThat(recorded).hasSize(3);
        List<String> payloads = recorded.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
        assertThat(payloads.get(0)).contains("\"reached\":false").contains("\"firstResponseMinutes\":null");
        assertThat(payloads.get(1)).contains("\"reached\":true").contains("\"firstResponseMinutes\":45");
        assertThat(payloads.get(2)).contains("\"firstResponseMinutes\":null");
        assertThat(recorded).extracting(r -> header(r, "ce_sequence")).containsExactly("1", "2", "3");
        payloads.forEach(p -> assertThat(EventSchemas.violations(EventTypes.FOLLOWUP_RECORDED, p)).isEmpty());

        as(dealerKey(dealerA)).get().uri("/api/follow-ups?leadId=" + lead).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.items[0].externalRef").isEqualTo("fu-tried")
                .jsonPath("$.items[1].reached").isEqualTo(true);
    }

    @Test
    void aFollowUpBeforeItsLeadIsAcceptedAndCountedWhenTheCaptureArrives() {
        String early = "L-" + UUID.randomUUID();
        String probing = "L-" + UUID.randomUUID();
        record(dealerA, early, "fu-early", T0.minus(Duration.ofMinutes(5)), "REACHED").expectStatus().isAccepted()
                .expectBody().jsonPath("$.state").isEqualTo("AWAITING_LEAD");
        record(dealerA, early, "fu-early", T0.minus(Duration.ofMinutes(5)), "REACHED").expectStatus().isOk();
        record(dealerA, probing, "fu-probe", T0.minus(Duration.ofMinutes(5)), "REACHED").expectStatus().isAccepted();
        as(admin()).post().uri("/api/follow-ups").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(followUp("L-" + UUID.randomUUID(), "fu-admin", T0, "REACHED")).exchange()
                .expectStatus().isNotFound();

        publishCaptured(early, dealerA, regionA, "A", T0.minus(Duration.ofHours(1)));
        publishCaptured(probing, dealerB, regionB, "A", T0.minus(Duration.ofHours(1)));
        await().atMost(EVENTUALLY).untilAsserted(() -> as(dealerKey(dealerA)).get()
                .uri("/api/follow-ups?leadId=" + early).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].state").isEqualTo("RECORDED"));
        assertThat(eventsOf(early, EventTypes.FOLLOWUP_RECORDED, 1)).hasSize(1);
        as(dealerKey(dealerB)).get().uri("/api/follow-ups?leadId=" + probing).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(0);
        assertThat(eventsOf(probing, EventTypes.FOLLOWUP_RECORDED, 0)).isEmpty();
        record(dealerA, probing, "fu-probe", T0.minus(Duration.ofMinutes(5)), "REACHED").expectStatus().isNotFound();
    }

    @Test
    void aFollowUpStoredButNotCountedBeforeACrashIsFinishedByTheSweep() {
        String lead = captured(dealerA, regionA, "A", T0.minus(Duration.ofHours(3)));
        awaitKnown(lead);
        NewFollowUp request = new NewFollowUp(lead, "fu-crashed", at(T0.minus(Duration.ofHours(2))), FollowUpType.CALL,
                FollowUpOutcome.REACHED, null, "wang.li");
        followUpStore.insert(FollowUp.of("F-" + UUID.randomUUID(), dealerA, request, FollowUpState.RECORDING,
                T0.minus(Duration.ofHours(2)))).block();
        as(dealerKey(dealerA)).get().uri("/api/follow-ups?leadId=" + lead).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(0);

        unfinished.finish(T0.minus(Duration.ofMinutes(1))).block();
        unfinished.finish(T0.minus(Duration.ofMinutes(1))).block();
        as(dealerKey(dealerA)).get().uri("/api/follow-ups?leadId=" + lead).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].state").isEqualTo("RECORDED");
        List<ConsumerRecord<String, byte[]>> recorded = eventsOf(lead, EventTypes.FOLLOWUP_RECORDED, 1);
        assertThat(recorded).hasSize(1);
        assertThat(new String(recorded.get(0).value(), StandardCharsets.UTF_8)).contains("\"firstResponseMinutes\":60");
    }

    @Test
    void aFollowUpAwaitingItsLeadLongerThanThePeriodExpiresIsCountedAndALaterCaptureDoesNotCountIt() {
        long waitingBefore = waitingAfterExpiringWhatEarlierTestsLeft();
        String old = "L-" + UUID.randomUUID();
        String fresh = "L-" + UUID.randomUUID();
        record(dealerA, old, "fu-old", T0.minus(Duration.ofMinutes(5)), "REACHED").expectStatus().isAccepted();
        clock.set(T0.plus(Duration.ofDays(6)));
        record(dealerA, fresh, "fu-fresh", T0.plus(Duration.ofDays(6)), "REACHED").expectStatus().isAccepted();
        assertThat(expiry.waiting().block()).isEqualTo(waitingBefore + 2);
        double expiredBefore = expiredCount();

        clock.set(T0.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(1)));
        assertThat(expiry.expire().block()).isEqualTo(1);
        assertThat(expiry.expire().block()).isZero();

        assertThat(expiredCount() - expiredBefore).isEqualTo(1);
        assertThat(expiry.waiting().block()).isEqualTo(waitingBefore + 1);
        await().atMost(EVENTUALLY).untilAsserted(() ->
                assertThat(meters.get("radar.followup.awaiting").gauge().value()).isEqualTo(waitingBefore + 1));
        record(dealerA, fresh, "fu-fresh", T0.plus(Duration.ofDays(6)), "REACHED").expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("AWAITING_LEAD");

        publishCaptured(old, dealerA, regionA, "A", T0.minus(Duration.ofHours(1)));
        publishCaptured(fresh, dealerA, regionA, "A", T0.minus(Duration.ofHours(1)));
        await().atMost(EVENTUALLY).untilAsserted(() -> as(dealerKey(dealerA)).get()
                .uri("/api/follow-ups?leadId=" + fresh).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].state").isEqualTo("RECORDED"));
        as(dealerKey(dealerA)).get().uri("/api/follow-ups?leadId=" + old).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(0);
        assertThat(eventsOf(old, EventTypes.FOLLOWUP_RECORDED, 0)).isEmpty();
        assertThat(expiry.waiting().block()).isEqualTo(waitingBefore);
    }

    @Test
    void theExpiryReadsAndWritesByKey() {
        waitingAfterExpiringWhatEarlierTestsLeft();
        for (int i = 0; i < 3; i++) {
            record(dealerB, "L-" + UUID.randomUUID(), "fu-cost-" + i, T0, "REACHED").expectStatus().isAccepted();
        }
        clock.set(T0.plus(Duration.ofDays(8)));

        List<BsonDocument> commands = storeCommands.during(() -> assertThat(expiry.expire().block()).isEqualTo(3));

        List<BsonDocument> onFollowUps = commands.stream().filter(FollowUpsIT::onFollowUpCollections).toList();
        assertThat(onFollowUps).isNotEmpty().allSatisfy(command -> {
            assertThat(command.getFirstKey()).isIn("find", "update", "delete", "findAndModify", "insert");
            assertThat(filtersOf(command)).as(command.toJson()).allSatisfy(filter -> assertThat(filter).containsKey("_id"));
        });
    }

    /** Expires, far in the future, what other tests left awaiting; completes with how many still wait (leads known meanwhile). */
    private long waitingAfterExpiringWhatEarlierTestsLeft() {
        clock.set(T0.plus(Duration.ofDays(400)));
        expiry.expire().block();
        clock.set(T0);
        return expiry.waiting().block();
    }

    private double expiredCount() {
        return meters.get("radar.followup.awaiting.expired").counter().count();
    }

    private static boolean onFollowUpCollections(BsonDocument command) {
        BsonValue collection = command.get(command.getFirstKey());
        return collection.isString() && Set.of("follow_ups", "awaiting_leads", "awaiting_arrivals", "tracked_leads",
                "recording_follow_ups", "lead_follow_ups").contains(collection.asString().getValue());
    }

    /** The filters of a store command: a find's, each statement's of an update or delete, a findAndModify's query. */
    private static List<BsonDocument> filtersOf(BsonDocument command) {
        return switch (command.getFirstKey()) {
            case "find" -> List.of(command.getDocument("filter"));
            case "findAndModify" -> List.of(command.getDocument("query"));
            case "update" -> command.getArray("updates").stream().map(u -> u.asDocument().getDocument("q")).toList();
            case "delete" -> command.getArray("deletes").stream().map(d -> d.asDocument().getDocument("q")).toList();
            default -> List.of();
        };
    }

    @Test
    void badInputAndOtherDealersLeadsAreProblemsAndStoreNothing() {
        String lead = captured(dealerA, regionA, "A", T0.minus(Duration.ofDays(1)));
        String won = captured(dealerA, regionA, "A", T0.minus(Duration.ofDays(1)));
        awaitKnown(lead, won);
        publish(won, 2, EventTypes.LEAD_WON, new LeadWon(won, dealerA, regionA, at(T0), "CS75 PLUS", null));

        post(dealerKey(dealerA), "{\"leadId\": ").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body");
        post(dealerKey(dealerA), followUp(lead, "fu-x", T0, "REACHED").replace("\"CALL\"", "\"TELEPATHY\""))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("type");
        post(dealerKey(dealerA), followUp(lead, "fu-x", T0, "MAYBE"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("outcome");
        post(dealerKey(dealerA), followUp(lead, "fu-x", T0, "REACHED").replace("\"externalRef\"", "\"ref\""))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("externalRef");
        post(dealerKey(dealerA), followUp(lead, "fu-x", T0.plus(Duration.ofMinutes(6)), "REACHED"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("occurredAt");
        post(dealerKey(dealerA), followUp(lead, "fu-x", T0.minus(Duration.ofDays(2)), "REACHED"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("occurredAt");
        post(dealerKey(dealerB), followUp(lead, "fu-x", T0, "REACHED")).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        post(hq(), followUp(lead, "fu-x", T0, "REACHED")).expectStatus().isForbidden();
        post(regionManager(regionA), followUp(lead, "fu-x", T0, "REACHED")).expectStatus().isForbidden();
        await().atMost(EVENTUALLY).untilAsserted(() -> post(dealerKey(dealerA), followUp(won, "fu-won", T0, "REACHED"))
                .expectStatus().isEqualTo(409).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON));

        as(dealerKey(dealerA)).get().uri("/api/follow-ups").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("leadId");
        as(dealerKey(dealerB)).get().uri("/api/follow-ups?leadId=" + lead).exchange().expectStatus().isNotFound();
        as(regionManager(regionB)).get().uri("/api/follow-ups?leadId=" + lead).exchange().expectStatus().isNotFound();
        as(regionManager(regionA)).get().uri("/api/follow-ups?leadId=" + lead).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(0);
        as(dealerKey(dealerA)).get().uri("/api/follow-ups?leadId=" + won).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(0);

        String id = post(dealerKey(dealerA), followUp(lead, "fu-1", T0, "REACHED")).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("followUpId").toString();
        post(dealerKey(dealerA), followUp(lead, "fu-1", T0, "REACHED")).expectStatus().isOk()
                .expectBody().jsonPath("$.followUpId").isEqualTo(id);
        post(dealerKey(dealerA), followUp(lead, "fu-1", T0, "DECLINED")).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        as(dealerKey(dealerA)).get().uri("/api/follow-ups?leadId=" + lead).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(1);
        assertThat(eventsOf(lead, EventTypes.FOLLOWUP_RECORDED, 1)).hasSize(1);
        assertThat(eventsOf(won, EventTypes.FOLLOWUP_RECORDED, 0)).isEmpty();
    }

    // ---- lead events into the broker, as lead-service publishes them

    private String captured(String dealerId, String region, String grade, Instant occurredAt) {
        String leadId = "L-" + UUID.randomUUID();
        publishCaptured(leadId, dealerId, region, grade, occurredAt);
        return leadId;
    }

    private void publishCaptured(String leadId, String dealerId, String region, String grade, Instant occurredAt) {
        publish(leadId, 1, EventTypes.LEAD_CAPTURED, new LeadCaptured(leadId, dealerId, region, "crm-" + leadId,
                at(occurredAt), "SHOWROOM", grade, true, "CS75 PLUS", "wang.li",
                new LeadCaptured.Customer("INDIVIDUAL", null, null, null), null));
    }

    private void publish(String leadId, long sequence, String type, Object payload) {
        String dealerId = payload instanceof LeadCaptured c ? c.dealerId() : null;
        send(Topics.LEADS, leadId, new EventEnvelope(UUID.randomUUID().toString(), "/lead-service", type, leadId,
                at(clock.instant()), dealerId, null, sequence, EventJson.write(payload)));
    }

    private void registered(String dealerId, String region) {
        send(Topics.DIRECTORY, dealerId, new EventEnvelope(UUID.randomUUID().toString(), "/directory",
                EventTypes.DEALER_REGISTERED, dealerId, at(T0), dealerId, region, 1,
                EventJson.write(new DealerRegistered(dealerId, "Motors " + dealerId, region, "Changan"))));
    }

    private void send(String topic, String key, EventEnvelope event) {
        try {
            producer.send(new ProducerRecord<>(namespace.topic(topic), key, CloudEventCodec.toCloudEvent(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitKnown(String... leadIds) {
        for (String leadId : leadIds) {
            await().atMost(EVENTUALLY).untilAsserted(() ->
                    as(admin()).get().uri("/api/follow-ups?leadId=" + leadId).exchange().expectStatus().isOk());
        }
    }

    // ---- radar.followups as a consumer sees it

    private List<ConsumerRecord<String, byte[]>> eventsOf(String leadId, String type, int expected) {
        return events(r -> leadId.equals(r.key()) && type.equals(header(r, "ce_type")), expected);
    }

    private List<ConsumerRecord<String, byte[]>> eventsOfDealer(String dealerId, int expected) {
        return events(r -> dealerId.equals(header(r, "ce_dealerid")), expected);
    }

    /**
     * Reads the topic until {@code expected} matching events came and a little longer, to catch any
     * extra. Delivery is at least once (the outbox relay may send an event again), so an event counts
     * once per id, as consumers dedupe it.
     */
    private List<ConsumerRecord<String, byte[]>> events(java.util.function.Predicate<ConsumerRecord<String, byte[]>> mine,
            int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        Set<String> seenIds = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(namespace.topic(Topics.FOLLOWUPS)));
            long deadline = System.nanoTime() + EVENTUALLY.toNanos();
            long settleUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settleUntil)) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (mine.test(r) && seenIds.add(header(r, "ce_id"))) {
                        found.add(r);
                    }
                });
                if (found.size() >= expected && settleUntil == Long.MAX_VALUE) {
                    settleUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
        return found;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    // ---- the API

    private WebTestClient.ResponseSpec record(String dealerId, String leadId, String externalRef, Instant occurredAt,
            String outcome) {
        return post(dealerKey(dealerId), followUp(leadId, externalRef, occurredAt, outcome));
    }

    private WebTestClient.ResponseSpec post(Caller caller, String body) {
        return as(caller).post().uri("/api/follow-ups").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static String followUp(String leadId, String externalRef, Instant occurredAt, String outcome) {
        return """
                {"leadId": "%s", "externalRef": "%s", "occurredAt": "%s", "type": "CALL", "outcome": "%s",
                 "note": "asked about the trade-in price", "consultant": "wang.li"}
                """.formatted(leadId, externalRef, at(occurredAt), outcome);
    }

    private static String cadence(int intervalOfB, int windowOfB) {
        return """
                {"grades": {"H": {"intervalDays": 1, "windowDays": 7}, "A": {"intervalDays": 3, "windowDays": 15},
                            "B": {"intervalDays": %d, "windowDays": %d}, "C": {"intervalDays": 14, "windowDays": 90}}}
                """.formatted(intervalOfB, windowOfB);
    }

    @SuppressWarnings("unchecked")
    private List<String> dueLeadIds(Caller caller, String query) {
        Map<String, Object> page = as(caller).get().uri("/api/follow-ups/due" + query).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) page.get("items")).stream().map(i -> i.get("leadId").toString()).toList();
    }

    @SuppressWarnings("unchecked")
    private String dueAtOf(String dealerId, String leadId) {
        Map<String, Object> page = as(dealerKey(dealerId)).get()
                .uri("/api/follow-ups/due?until=" + T0.plus(Duration.ofDays(400))).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) page.get("items")).stream().filter(i -> leadId.equals(i.get("leadId")))
                .map(i -> i.get("dueAt").toString()).findFirst().orElse(null);
    }

    /** As the service writes timestamps: in the group's zone, seconds always shown. */
    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at(instant));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atZone(SHANGHAI).toOffsetDateTime();
    }

    private WebTestClient as(Caller caller) {
        return ServiceClients.withToken(port, TOKENS.sign(caller, "followup-service", Instant.now()));
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
