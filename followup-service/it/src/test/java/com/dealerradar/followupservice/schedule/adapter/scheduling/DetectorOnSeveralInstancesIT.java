package com.dealerradar.followupservice.schedule.adapter.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealerradar.events.CloudEventCodec;
import com.dealerradar.events.EventEnvelope;
import com.dealerradar.events.EventJson;
import com.dealerradar.events.EventTypes;
import com.dealerradar.events.Topics;
import com.dealerradar.events.lead.LeadCaptured;
import com.dealerradar.followupservice.FollowupServiceApplication;
import com.dealerradar.testkit.Endpoints;
import com.dealerradar.testkit.Namespace;
import com.dealerradar.testkit.RadarInfrastructure;
import com.dealerradar.testkit.SharedInfrastructure;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Two followup-service instances on one store, as two processes would run: the detector runs on one of
 * them at a time, under its lease, and a lease whose run died is taken over once it runs out.
 */
@RadarInfrastructure
class DetectorOnSeveralInstancesIT {

    private static final String DETECTOR_LEASE = "followup-overdue-detector";
    /** Enough leads to announce that a run lasts well beyond the moment both instances start theirs. */
    private static final int LEADS = 300;
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    /** Long enough that the detector's first try, right after the lease is taken, meets it on a loaded machine. */
    private static final Duration ABANDONED_LEASE = Duration.ofSeconds(8);

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        first = start();
        second = start();
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
    }

    @Test
    void twoInstancesStartingTheDetectorAtTheSameTimeRunItOnce() throws Exception {
        captureLeadsPastTheirWindow();
        ReactiveMongoTemplate store = first.getBean(ReactiveMongoTemplate.class);
        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(250))
                .until(() -> store.count(new Query(), "tracked_leads").block() == LEADS);

        long runsBefore = runsOn(first) + runsOn(second);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = List.of(first, second).stream()
                    .<Future<?>>map(context -> instances.submit(() -> {
                        awaitStart(start);
                        context.getBean(DetectorSchedule.class).run();
                    }))
                    .toList();
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            instances.shutdownNow();
        }

        assertThat(runsOn(first) + runsOn(second)).isEqualTo(runsBefore + 1);
    }

    @Test
    void aLeaseLeftBehindByARunThatDiedIsTakenOverOnceItRunsOut() {
        long runsBefore = runsOn(second);
        // A run that died (its process killed) leaves its lease in the store; nothing releases it but its end.
        assertThat(first.getBean(LockProvider.class)
                .lock(new LockConfiguration(ClockProvider.now(), DETECTOR_LEASE, ABANDONED_LEASE, Duration.ZERO)))
                .isPresent();

        DetectorSchedule detector = second.getBean(DetectorSchedule.class);
        detector.run();
        assertThat(runsOn(second)).isEqualTo(runsBefore);

        await().atMost(ABANDONED_LEASE.plus(EVENTUALLY)).pollInterval(Duration.ofMillis(500)).until(() -> {
            detector.run();
            return runsOn(second) > runsBefore;
        });
    }

    private static long runsOn(ConfigurableApplicationContext context) {
        return context.getBean(MeterRegistry.class).get("radar.followup.detector.run").timer().count();
    }

    private static void awaitStart(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ConfigurableApplicationContext start() {
        Endpoints endpoints = Endpoints.of(DetectorOnSeveralInstancesIT.class);
        Namespace namespace = Namespace.of(DetectorOnSeveralInstancesIT.class);
        // As arguments: they outrank the application's own defaults, as the test customizer's properties do.
        return new SpringApplicationBuilder(FollowupServiceApplication.class).run(
                "--spring.mongodb.uri=" + endpoints.mongoUri(),
                "--spring.mongodb.database=" + namespace.database(),
                "--spring.kafka.bootstrap-servers=" + endpoints.kafkaBootstrapServers(),
                "--radar.kafka.topic-prefix=" + namespace.topicPrefix(),
                "--radar.security.internal-token-secret=" + SharedInfrastructure.INTERNAL_TOKEN_SECRET,
                // the test starts every run of the scheduled jobs itself
                "--radar.followup.detector-interval=1h",
                "--radar.followup.completion-interval=1h",
                "--radar.followup.awaiting-lead-expiry-interval=1h",
                "--server.port=0",
                "--server.address=127.0.0.1");
    }

    /** A history import: leads captured 30 days ago, each overdue and an at-risk candidate at the next detector run. */
    private static void captureLeadsPastTheirWindow() {
        Namespace namespace = Namespace.of(DetectorOnSeveralInstancesIT.class);
        Instant capturedAt = Instant.now().minus(Duration.ofDays(30));
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Endpoints.of(DetectorOnSeveralInstancesIT.class).kafkaBootstrapServers(),
                CloudEventSerializer.ENCODING_CONFIG, "BINARY"), new StringSerializer(), new CloudEventSerializer())) {
            for (int i = 0; i < LEADS; i++) {
                String leadId = "L-" + UUID.randomUUID();
                LeadCaptured captured = new LeadCaptured(leadId, "D-1", "Chifeng", "crm-" + leadId,
                        capturedAt.atZone(ZoneId.of("Asia/Shanghai")).toOffsetDateTime(), "SHOWROOM", "H", true,
                        "CS75 PLUS", "wang.li", new LeadCaptured.Customer("INDIVIDUAL", null, null, null), null);
                EventEnvelope event = new EventEnvelope(UUID.randomUUID().toString(), "/lead-service",
                        EventTypes.LEAD_CAPTURED, leadId, captured.occurredAt(), "D-1", null, 1, EventJson.write(captured));
                producer.send(new ProducerRecord<>(namespace.topic(Topics.LEADS), leadId, CloudEventCodec.toCloudEvent(event)));
            }
            producer.flush();
        }
    }
}
