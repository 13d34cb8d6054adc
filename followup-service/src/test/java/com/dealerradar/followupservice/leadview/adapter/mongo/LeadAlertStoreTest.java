package com.dealerradar.followupservice.leadview.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.followupservice.leadview.application.LeadAlerts;
import com.dealerradar.testkit.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Alert times land in the bucket of their minute, or in a ready marker once the frontier passed them. */
class LeadAlertStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-10T02:00:00Z");
    private static final long MINUTE = LeadAlerts.minuteOf(T0);

    /** An empty store for every test. */
    @RegisterExtension
    final InMemoryStore store = new InMemoryStore("alerts_test");
    private LeadAlertStore alerts;

    @BeforeEach
    void openAlerts() {
        alerts = new LeadAlertStore(store.template());
    }

    @Test
    void timesAheadOfTheFrontierWaitInTheirMinutesBucketAndTimesBehindItAreReady() {
        alerts.start(MINUTE).block();
        alerts.schedule("L-ahead", Set.of(T0.plus(Duration.ofMinutes(3)).plusSeconds(20))).block();
        alerts.schedule("L-behind", Set.of(T0.minus(Duration.ofDays(30)), T0.plus(Duration.ofDays(2)))).block();

        assertThat(alerts.ready().map(LeadAlerts.Ready::leadId).collectList().block()).containsExactly("L-behind");
        LeadAlerts.Walked walked = alerts.walk(MINUTE, MINUTE + 4).block();
        assertThat(walked.leadIds()).containsExactly("L-ahead");
        assertThat(alerts.walk(MINUTE + 2 * 24 * 60, MINUTE + 2 * 24 * 60 + 1).block().leadIds())
                .containsExactly("L-behind");

        alerts.dropPages(walked.pages()).block();
        assertThat(alerts.walk(MINUTE, MINUTE + 4).block().leadIds()).isEmpty();
    }

    @Test
    void aFullMinuteSpillsIntoItsNextPageAndTheWalkReadsEveryPage() {
        alerts.start(MINUTE).block();
        int leads = LeadAlertStore.PAGE_SIZE + 20;
        for (int i = 0; i < leads; i++) {
            alerts.schedule("L-" + i, Set.of(T0.plus(Duration.ofMinutes(10)))).block();
        }
        LeadAlerts.Walked walked = alerts.walk(MINUTE + 10, MINUTE + 11).block();
        assertThat(walked.leadIds()).hasSize(leads);
        assertThat(walked.pages()).containsExactlyInAnyOrder(LeadAlertStore.bucketId(MINUTE + 10, 0),
                LeadAlertStore.bucketId(MINUTE + 10, 1));
    }

    @Test
    void aMarkerRenewedAfterItWasReadSurvivesItsDrop() {
        alerts.start(MINUTE).block();
        alerts.markReady("L-1").block();
        LeadAlerts.Ready read = alerts.ready().blockFirst();
        alerts.markReady("L-1").block();
        alerts.dropReady(read).block();
        assertThat(alerts.ready().map(LeadAlerts.Ready::leadId).collectList().block()).isEqualTo(List.of("L-1"));

        alerts.dropReady(alerts.ready().blockFirst()).block();
        assertThat(alerts.ready().collectList().block()).isEmpty();
    }
}
