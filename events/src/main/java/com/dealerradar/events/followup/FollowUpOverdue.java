package com.dealerradar.events.followup;

import java.time.OffsetDateTime;

/** Payload of {@code radar.followup.overdue.v1}, once per overdue episode of a lead. */
public record FollowUpOverdue(String leadId, String dealerId, String region, String grade, OffsetDateTime dueAt,
        OffsetDateTime detectedAt) {}
