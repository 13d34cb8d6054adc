package com.dealerradar.events.lead;

import java.time.OffsetDateTime;

/**
 * Payload of {@code radar.lead.status-changed.v1}: a confirmed defeat moved the lead to AT_RISK or
 * DEFEATED, or a reversed one reopened it. {@code cause} is the defeat id.
 */
public record LeadStatusChanged(String leadId, String dealerId, String region, String status, String previousStatus,
        String cause, OffsetDateTime occurredAt) {}
