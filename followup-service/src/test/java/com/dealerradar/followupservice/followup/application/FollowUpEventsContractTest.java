package com.dealerradar.followupservice.followup.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.events.EventTypes;
import com.dealerradar.followupservice.cadence.domain.Cadence;
import com.dealerradar.followupservice.followup.domain.FollowUp;
import com.dealerradar.followupservice.followup.domain.FollowUpOutcome;
import com.dealerradar.followupservice.followup.domain.FollowUpState;
import com.dealerradar.followupservice.followup.domain.FollowUpType;
import com.dealerradar.followupservice.followup.domain.NewFollowUp;
import com.dealerradar.followupservice.leadview.domain.AtRiskReason;
import com.dealerradar.followupservice.leadview.domain.Grade;
import com.dealerradar.followupservice.leadview.domain.TrackedLead;
import com.dealerradar.platform.outbox.OutboxEvent;
import com.dealerradar.testkit.EventSchemas;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The JSON followup-service's own event builders write validates against the published schemas. */
class FollowUpEventsContractTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final OffsetDateTime CAPTURED = OffsetDateTime.parse("2026-11-02T10:05:00+08:00");

    private final TrackedLead lead = TrackedLead.captured("L-1", "D-CF-01", "Chifeng", Grade.A,
            CAPTURED.toInstant(), 1, Cadence.DEFAULTS);
    private final TrackedLead ungraded = TrackedLead.captured("L-2", "D-CF-01", "Chifeng", null,
            CAPTURED.toInstant(), 1, Cadence.DEFAULTS);

    @Test
    void recordedWithAndWithoutFirstResponse() {
        FollowUp reached = followUp(FollowUpOutcome.REACHED, "wang.li");
        TrackedLead.Recorded first = lead.recorded(reached.followUpId(), reached.occurredAt().toInstant(), true,
                Cadence.DEFAULTS).orElseThrow();
        assertValid(FollowUpEvents.recorded(first.lead(), reached, first.firstResponseMinutes()));
        assertThat(FollowUpEvents.recorded(first.lead(), reached, first.firstResponseMinutes()).data())
                .contains("\"firstResponseMinutes\":40");
        assertValid(FollowUpEvents.recorded(lead, followUp(FollowUpOutcome.NOT_REACHED, null), null));
    }

    @Test
    void overdueOfAGradedAndAnUngradedLead() {
        Instant late = lead.plan().dueAt().plusSeconds(60);
        assertValid(FollowUpEvents.overdue(lead.overdueToAnnounce(late).orElseThrow(), late, ZONE));
        assertValid(FollowUpEvents.overdue(ungraded, late, ZONE));
    }

    @Test
    void atRiskCandidateForEachReason() {
        Instant muchLater = CAPTURED.toInstant().plus(Duration.ofDays(40));
        for (AtRiskReason reason : AtRiskReason.values()) {
            TrackedLead next = lead.atRiskToAnnounce(reason, muchLater).orElseThrow();
            OutboxEvent event = FollowUpEvents.atRiskCandidate(next, reason, next.plan().since(reason, muchLater), ZONE);
            assertValid(event);
            assertThat(event.key()).isEqualTo("L-1");
            assertThat(event.source()).isEqualTo("/followup-service");
        }
    }

    @Test
    void theSchemasRejectAnUnknownReason() {
        String json = "{\"leadId\":\"L-1\",\"dealerId\":\"D\",\"region\":\"R\",\"grade\":\"A\",\"why\":\"BORED\","
                + "\"since\":\"2026-11-02T10:05:00+08:00\"}";
        assertThat(EventSchemas.violations(EventTypes.FOLLOWUP_AT_RISK_CANDIDATE, json)).isNotEmpty();
    }

    private static FollowUp followUp(FollowUpOutcome outcome, String consultant) {
        NewFollowUp request = new NewFollowUp("L-1", "fu-1", CAPTURED.plusMinutes(40), FollowUpType.CALL, outcome,
                "note", consultant);
        return FollowUp.of("F-" + outcome, "D-CF-01", request, FollowUpState.RECORDED, CAPTURED.toInstant());
    }

    private static void assertValid(OutboxEvent event) {
        assertThat(EventSchemas.violations(event.type(), event.data())).as(event.data()).isEmpty();
        assertThat(event.sequence()).isGreaterThanOrEqualTo(0);
    }
}
