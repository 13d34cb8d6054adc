package com.dealerradar.events.lead;

import java.time.OffsetDateTime;

/** Payload of {@code radar.lead.invalidated.v1}; the lead leaves the funnel for good. */
public record LeadInvalidated(String leadId, String dealerId, String region, String reason, OffsetDateTime occurredAt) {}
