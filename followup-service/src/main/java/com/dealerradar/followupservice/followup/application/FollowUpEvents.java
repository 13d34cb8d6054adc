package com.dealerradar.followupservice.followup.application;

import com.dealerradar.events.EventTypes;
import com.dealerradar.events.Topics;
import com.dealerradar.events.followup.AtRiskCandidate;
import com.dealerradar.events.followup.FollowUpOverdue;
import com.dealerradar.events.followup.FollowUpRecorded;
import com.dealerradar.followupservice.FollowupServiceApplication;
import com.dealerradar.followupservice.followup.domain.FollowUp;
import com.dealerradar.followupservice.leadview.domain.AtRiskReason;
import com.dealerradar.followupservice.leadview.domain.TrackedLead;
import com.dealerradar.platform.outbox.OutboxEvent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The events of radar.followups, built from the tracked lead as it stands after the change. All are
 * about a lead: keyed and subjected by its id, numbered by how many followup-service published about it.
 */
public final class FollowUpEvents {

    private FollowUpEvents() {}

    public static OutboxEvent recorded(TrackedLead lead, FollowUp followUp, Long firstResponseMinutes) {
        FollowUpRecorded payload = new FollowUpRecorded(followUp.followUpId(), lead.leadId(), lead.dealerId(),
                lead.region(), followUp.type().name(), followUp.outcome().name(), followUp.reached(),
                followUp.occurredAt(), followUp.consultant(), firstResponseMinutes);
        return event(lead, EventTypes.FOLLOWUP_RECORDED, followUp.occurredAt(), payload);
    }

    public static OutboxEvent overdue(TrackedLead lead, Instant detectedAt, ZoneId zone) {
        OffsetDateTime dueAt = at(lead.plan().dueAt(), zone);
        FollowUpOverdue payload = new FollowUpOverdue(lead.leadId(), lead.dealerId(), lead.region(), grade(lead),
                dueAt, at(detectedAt, zone));
        return event(lead, EventTypes.FOLLOWUP_OVERDUE, dueAt, payload);
    }

    public static OutboxEvent atRiskCandidate(TrackedLead lead, AtRiskReason why, Instant since, ZoneId zone) {
        OffsetDateTime sinceAt = at(since, zone);
        AtRiskCandidate payload = new AtRiskCandidate(lead.leadId(), lead.dealerId(), lead.region(), grade(lead),
                why.name(), sinceAt);
        return event(lead, EventTypes.FOLLOWUP_AT_RISK_CANDIDATE, sinceAt, payload);
    }

    private static OutboxEvent event(TrackedLead lead, String type, OffsetDateTime time, Object payload) {
        return OutboxEvent.of(Topics.FOLLOWUPS, lead.leadId(), FollowupServiceApplication.SOURCE, type, lead.leadId(),
                time, lead.dealerId(), lead.region(), lead.eventSequence(), payload);
    }

    private static String grade(TrackedLead lead) {
        return lead.grade() == null ? null : lead.grade().name();
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime();
    }
}
