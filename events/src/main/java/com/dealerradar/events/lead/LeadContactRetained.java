package com.dealerradar.events.lead;

import java.time.OffsetDateTime;

/** Payload of {@code radar.lead.contact-retained.v1}: contact information was obtained after capture. */
public record LeadContactRetained(String leadId, String dealerId, String region, OffsetDateTime occurredAt) {}
