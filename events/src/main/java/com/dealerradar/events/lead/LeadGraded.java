package com.dealerradar.events.lead;

import java.time.OffsetDateTime;

/** Payload of {@code radar.lead.graded.v1}. */
public record LeadGraded(String leadId, String dealerId, String region, String grade, String previousGrade,
        OffsetDateTime occurredAt) {}
