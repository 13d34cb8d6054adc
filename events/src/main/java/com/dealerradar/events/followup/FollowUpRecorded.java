package com.dealerradar.events.followup;

import java.time.OffsetDateTime;

/**
 * Payload of {@code radar.followup.recorded.v1}. {@code firstResponseMinutes} (capture to this
 * follow-up) is set only on the first follow-up that reached the lead.
 */
public record FollowUpRecorded(String followUpId, String leadId, String dealerId, String region, String type,
        String outcome, boolean reached, OffsetDateTime occurredAt, String consultant, Long firstResponseMinutes) {}
