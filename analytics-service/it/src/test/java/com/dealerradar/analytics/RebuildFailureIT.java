package com.dealerradar.analytics;

import static com.dealerradar.analytics.support.AnalyticsReads.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealerradar.analytics.support.AnalyticsReads;
import com.dealerradar.analytics.support.DataSets;
import com.dealerradar.analytics.support.Events;
import com.dealerradar.analytics.support.Rebuilds;
import com.dealerradar.analytics.support.TopicPublisher;
import com.dealerradar.events.EventEnvelope;
import com.dealerradar.testkit.Namespace;
import com.dealerradar.testkit.RadarInfrastructure;
import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * A rebuild made to fail halfway (the replay stops after 150 events, {@code radar.analytics.rebuild.fail-after-events}):
 * it ends FAILED with the reason, the live model answers exactly as before and goes on taking events,
 * the half-built generation is gone, and the next rebuild may start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "radar.analytics.rebuild.fail-after-events=" + RebuildFailureIT.FAIL_AFTER)
@RadarInfrastructure
class RebuildFailureIT {

    static final int FAIL_AFTER = 150;

    @LocalServerPort
    int port;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    MeterRegistry meters;

    private final Namespace namespace = Namespace.of(getClass());

    @Test
    void aRebuildThatFailsHalfwayLeavesTheLiveModelServingAndUnchanged() {
        AnalyticsReads reads = new AnalyticsReads(port);
        Rebuilds rebuilds = new Rebuilds(reads);
        List<EventEnvelope> events = new ArrayList<>(DataSets.funnel());
        events.addAll(DataSets.defeats(OffsetDateTime.parse("2026-11-20T10:00:00+08:00"),
                OffsetDateTime.parse("2099-01-01T10:00:00+08:00")));
        events.addAll(DataSets.prospects());
        try (TopicPublisher topics = new TopicPublisher(namespace)) {
            DataSets.directory().forEach(topics::dealer);
            events.forEach(topics::event);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                reads.client(ADMIN).get().uri("/api/analytics/structure").exchange().expectBody()
                        .jsonPath("$.captured").isEqualTo(22 + 20 + 10 + 400));
        List<String> before = reads.settledSnapshot();

        String failed = rebuilds.awaitEnd(rebuilds.start());

        assertThat(JsonPath.<String>read(failed, "$.state")).as(failed).isEqualTo("FAILED");
        assertThat(JsonPath.<String>read(failed, "$.error")).contains("fail-after-events");
        assertThat(JsonPath.<Number>read(failed, "$.events").longValue()).isEqualTo(FAIL_AFTER);
        assertThat(reads.snapshot()).containsExactlyElementsOf(before);
        assertThat(mongo.getCollectionNames().filter(name -> name.startsWith("lead_facts")).collectList().block())
                .as("only the live generation's facts are left").containsExactly("lead_facts");
        assertThat(meters.get("radar.analytics.rebuild.state").gauge().value()).isEqualTo(3.0);
        assertThat(meters.get("radar.analytics.rebuild.events").gauge().value()).isEqualTo(FAIL_AFTER);

        try (TopicPublisher topics = new TopicPublisher(namespace)) {
            topics.dealer(Events.dealer("D-AFTER-01", "Xilingol"));
            topics.event(new Events().captured(Events.Lead.of("after-1", "D-AFTER-01", "Xilingol",
                    OffsetDateTime.parse("2026-10-01T10:00:00+08:00"))));
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                reads.client(ADMIN).get().uri("/api/analytics/structure?dealerId=D-AFTER-01").exchange()
                        .expectStatus().isOk().expectBody().jsonPath("$.captured").isEqualTo(1));

        assertThat(JsonPath.<String>read(rebuilds.awaitEnd(rebuilds.start()), "$.state"))
                .as("the failed rebuild gave its lease back").isEqualTo("FAILED");
    }
}
