package com.dealerradar.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealerradar.events.CloudEventCodec;
import com.dealerradar.events.EventEnvelope;
import com.dealerradar.events.EventJson;
import com.dealerradar.events.EventTypes;
import com.dealerradar.events.Topics;
import com.dealerradar.events.directory.DealerRegistered;
import com.dealerradar.events.lead.LeadCaptured;
import com.dealerradar.events.lead.LeadWon;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.InternalToken;
import com.dealerradar.platform.security.Role;
import com.dealerradar.testkit.Endpoints;
import com.dealerradar.testkit.Namespace;
import com.dealerradar.testkit.RadarInfrastructure;
import com.dealerradar.testkit.ServiceClients;
import com.dealerradar.testkit.SharedInfrastructure;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * analytics-service fed through the real broker the way lead-service feeds it: redelivered events
 * count once, a poison record is parked in the dead-letter topic and the consumer carries on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RadarInfrastructure
class LeadProjectionIT {

    private static final InternalToken TOKENS = new InternalToken(SharedInfrastructure.INTERNAL_TOKEN_SECRET);
    private static final OffsetDateTime NOV_2 = OffsetDateTime.parse("2026-11-02T10:05:00+08:00");

    @LocalServerPort
    int port;

    private KafkaProducer<String, CloudEvent> producer;
    private final String dealer = "D-" + UUID.randomUUID().toString().substring(0, 8);
    private final Namespace namespace = Namespace.of(getClass());

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Endpoints.of(getClass()).kafkaBootstrapServers(),
                CloudEventSerializer.ENCODING_CONFIG, "BINARY"), new StringSerializer(), new CloudEventSerializer());
        publish(Topics.DIRECTORY, dealer, new EventEnvelope(UUID.randomUUID().toString(), "/directory",
                EventTypes.DEALER_REGISTERED, dealer, NOV_2, dealer, "Chifeng", 1,
                EventJson.write(new DealerRegistered(dealer, "Chifeng Motors", "Chifeng", "Changan"))));
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void anEventDeliveredTwiceCountsOnce() {
        EventEnvelope first = captured("L-" + UUID.randomUUID());
        publish(Topics.LEADS, first.subject(), first);
        publish(Topics.LEADS, first.subject(), first);
        EventEnvelope second = captured("L-" + UUID.randomUUID());
        publish(Topics.LEADS, second.subject(), second);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> structure(dealerKey())
                .jsonPath("$.captured").isEqualTo(2)
                .jsonPath("$.leads").isEqualTo(2)
                .jsonPath("$.potential").isEqualTo(2));
        publish(Topics.LEADS, second.subject(), second);
        publish(Topics.LEADS, first.subject(), first);
        EventEnvelope third = captured("L-" + UUID.randomUUID());
        publish(Topics.LEADS, third.subject(), third);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> structure(dealerKey())
                .jsonPath("$.captured").isEqualTo(3));
    }

    @Test
    void vehiclesSoldAreReportedBesideWonLeads() {
        // three leads: a fleet deal of 12, a deal whose event says nothing of vehicles (1), an open fleet
        // inquiry of 5 (asked, not sold): 2 won leads, 13 vehicles sold.
        String fleet = "L-" + UUID.randomUUID(), single = "L-" + UUID.randomUUID(), open = "L-" + UUID.randomUUID();
        for (String leadId : List.of(fleet, single, open)) {
            EventEnvelope capture = captured(leadId);
            publish(Topics.LEADS, leadId, leadId.equals(open) ? withVehicles(capture, 5) : capture);
        }
        publish(Topics.LEADS, fleet, won(fleet, new LeadWon(fleet, dealer, "Chifeng", NOV_2.plusDays(3), "UNI-K", null, 12)));
        publish(Topics.LEADS, single, won(single, new LeadWon(single, dealer, "Chifeng", NOV_2.plusDays(3), "UNI-K", null,
                null)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> structure(dealerKey())
                .jsonPath("$.won").isEqualTo(2)
                .jsonPath("$.potential").isEqualTo(1)
                .jsonPath("$.vehiclesSold").isEqualTo(13));
        client(dealerKey()).get().uri("/api/analytics/funnel?groupBy=dealer&dealerId=" + dealer
                + "&from=2026-11-01&to=2026-11-30").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.rows[0].won").isEqualTo(2)
                .jsonPath("$.rows[0].vehiclesSold").isEqualTo(13)
                .jsonPath("$.total.vehiclesSold").isEqualTo(13);
    }

    @Test
    void gradeCalibrationSharesAndTheFlagWhereGradesDoNotOrderConversion() {
        // H: 5 leads, won after 2, 3 and 7 days (within the week), after 10 days (not), one open: 3 of 5.
        // B: 5 leads, won after 20 days (within 30) four times, one open: 4 of 5. H converts worse than B.
        Map<String, List<Integer>> wonAfterDays = Map.of("H", java.util.Arrays.asList(2, 3, 7, 10, null),
                "B", java.util.Arrays.asList(20, 20, 20, 20, null));
        wonAfterDays.forEach((grade, days) -> days.forEach(after -> {
            String leadId = "L-" + UUID.randomUUID();
            publish(Topics.LEADS, leadId, withGrade(captured(leadId), grade));
            if (after != null) {
                publish(Topics.LEADS, leadId, won(leadId, new LeadWon(leadId, dealer, "Chifeng", NOV_2.plusDays(after),
                        "UNI-K", null, 1)));
            }
        }));
        String uri = "/api/analytics/grade-calibration?dealerId=" + dealer + "&from=2026-11-01&to=2026-11-30";
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> client(dealerKey()).get().uri(uri).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.dealers[0].key").isEqualTo(dealer)
                .jsonPath("$.dealers[0].grades[0].grade").isEqualTo("H")
                .jsonPath("$.dealers[0].grades[0].leads").isEqualTo(5)
                .jsonPath("$.dealers[0].grades[0].wonWithinWindow").isEqualTo(3)
                .jsonPath("$.dealers[0].grades[0].rate").isEqualTo(0.6)
                .jsonPath("$.dealers[0].grades[2].grade").isEqualTo("B")
                .jsonPath("$.dealers[0].grades[2].rate").isEqualTo(0.8)
                .jsonPath("$.dealers[0].grades[1].rate").doesNotExist()
                .jsonPath("$.dealers[0].misordered").isEqualTo(List.of("H<=B"))
                .jsonPath("$.dealers[0].flagged").isEqualTo(true)
                .jsonPath("$.consultants[0].key").isEqualTo("wang.li")
                .jsonPath("$.consultants[0].grades[0].wonWithinWindow").isEqualTo(3));
        client(new Caller("rm", Role.REGION_MANAGER, null, "Chifeng")).get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult();
        client(new Caller("hq", Role.HQ, null, null)).get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult();
        client(new Caller("rm", Role.REGION_MANAGER, null, "Baotou")).get().uri(uri).exchange()
                .expectStatus().isForbidden().expectBody().returnResult();
        client(new Caller("rm", Role.REGION_MANAGER, null, "Baotou")).get()
                .uri("/api/analytics/grade-calibration?region=Chifeng").exchange().expectStatus().isForbidden().expectBody().returnResult();
        client(new Caller("k", Role.DEALER, "D-OTHER", null)).get().uri(uri).exchange().expectStatus().isForbidden().expectBody().returnResult();
        client(dealerKey()).get().uri("/api/analytics/grade-calibration?from=2026-11-30&to=2026-11-01").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
    }

    @Test
    void eachEventIsTimedFromItsPublicationAndEachFlushOnItsOwn(@Autowired MeterRegistry meters) {
        Timer lag = meters.get("radar.analytics.event.lag").timer();
        Timer flushes = meters.get("radar.analytics.flush").timer();
        long lagsBefore = lag.count();
        long flushesBefore = flushes.count();
        EventEnvelope late = captured("L-" + UUID.randomUUID());
        // The record says it was published a minute ago (the producer's timestamp): its lag is at least that, and far
        // less than the month since the lead's own time (November 2nd).
        publish(Topics.LEADS, late.subject(), late, Instant.now().minusSeconds(60));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> structure(dealerKey()).jsonPath("$.captured").isEqualTo(1));
        assertThat(lag.count()).isGreaterThan(lagsBefore);
        assertThat(lag.max(TimeUnit.SECONDS)).isBetween(60.0, 600.0);
        // The flush writes the dealer's cells before it ends and is timed, so the figures can show first.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(flushes.count()).isGreaterThan(flushesBefore));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() throws Exception {
        String poisonKey = "poison-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Endpoints.of(getClass()).kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(namespace.topic(Topics.LEADS), poisonKey,
                    "not an event".getBytes(StandardCharsets.UTF_8))).get();
        }
        EventEnvelope after = captured("L-" + UUID.randomUUID());
        publish(Topics.LEADS, after.subject(), after);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> structure(dealerKey()).jsonPath("$.captured").isEqualTo(1));
        assertThat(deadLetterKeys()).contains(poisonKey);
    }

    @Test
    void aRegionalManagerSeesOnlyItsRegion() {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                client(new Caller("rm", Role.REGION_MANAGER, null, "Chifeng")).get()
                        .uri("/api/analytics/structure?dealerId=" + dealer).exchange().expectStatus().isOk());
        client(new Caller("rm", Role.REGION_MANAGER, null, "Baotou")).get()
                .uri("/api/analytics/structure?dealerId=" + dealer).exchange().expectStatus().isForbidden().expectBody().returnResult();
        client(new Caller("rm", Role.REGION_MANAGER, null, "Baotou")).get()
                .uri("/api/analytics/structure?region=Chifeng").exchange().expectStatus().isForbidden().expectBody().returnResult();
        client(dealerKey()).get().uri("/api/analytics/structure?region=Chifeng").exchange().expectStatus().isForbidden().expectBody().returnResult();
        client(dealerKey()).get().uri("/api/analytics/structure?from=2026-11-30&to=2026-11-01").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
    }

    private List<String> deadLetterKeys() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Endpoints.of(getClass()).kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetterOf(namespace.topic(Topics.LEADS))));
            List<String> keys = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (keys.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(250)).forEach(r -> keys.add(r.key()));
            }
            return keys;
        }
    }

    private EventEnvelope captured(String leadId) {
        LeadCaptured payload = new LeadCaptured(leadId, dealer, "Chifeng", "crm-" + leadId, NOV_2, "SHOWROOM", "A",
                true, "CS75 PLUS", "wang.li", new LeadCaptured.Customer("INDIVIDUAL", null, null, null), null);
        return new EventEnvelope(UUID.randomUUID().toString(), "/lead-service", EventTypes.LEAD_CAPTURED, leadId,
                NOV_2, dealer, "Chifeng", 1, EventJson.write(payload));
    }

    private EventEnvelope withVehicles(EventEnvelope capture, int vehicles) {
        LeadCaptured c = EventJson.read(capture.data(), LeadCaptured.class);
        LeadCaptured fleet = new LeadCaptured(c.leadId(), c.dealerId(), c.region(), c.externalRef(), c.occurredAt(),
                c.channel(), c.grade(), c.contactRetained(), c.model(), c.consultant(), c.customer(),
                c.possibleDuplicateOf(), vehicles);
        return new EventEnvelope(capture.id(), capture.source(), capture.type(), capture.subject(), capture.time(),
                capture.dealerId(), capture.region(), capture.sequence(), EventJson.write(fleet));
    }

    private EventEnvelope withGrade(EventEnvelope capture, String grade) {
        LeadCaptured c = EventJson.read(capture.data(), LeadCaptured.class);
        LeadCaptured graded = new LeadCaptured(c.leadId(), c.dealerId(), c.region(), c.externalRef(), c.occurredAt(),
                c.channel(), grade, c.contactRetained(), c.model(), c.consultant(), c.customer(),
                c.possibleDuplicateOf(), c.vehicles());
        return new EventEnvelope(capture.id(), capture.source(), capture.type(), capture.subject(), capture.time(),
                capture.dealerId(), capture.region(), capture.sequence(), EventJson.write(graded));
    }

    private EventEnvelope won(String leadId, LeadWon payload) {
        return new EventEnvelope(UUID.randomUUID().toString(), "/lead-service", EventTypes.LEAD_WON, leadId,
                payload.occurredAt(), dealer, "Chifeng", 2, EventJson.write(payload));
    }

    private void publish(String topic, String key, EventEnvelope event) {
        publish(topic, key, event, Instant.now());
    }

    private void publish(String topic, String key, EventEnvelope event, Instant publishedAt) {
        try {
            producer.send(new ProducerRecord<>(namespace.topic(topic), null, publishedAt.toEpochMilli(), key,
                    CloudEventCodec.toCloudEvent(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private WebTestClient.BodyContentSpec structure(Caller caller) {
        return client(caller).get().uri("/api/analytics/structure?dealerId=" + dealer + "&from=2026-11-01&to=2026-11-30")
                .exchange().expectStatus().isOk().expectBody();
    }

    private Caller dealerKey() {
        return new Caller("k-" + dealer, Role.DEALER, dealer, null);
    }

    private WebTestClient client(Caller caller) {
        return ServiceClients.withToken(port, TOKENS.sign(caller, "analytics-service", Instant.now()));
    }
}
