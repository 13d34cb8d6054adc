package com.dealerradar.events.lead;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** Payload of {@code radar.lead.won.v1}; {@code price} may be null. */
public record LeadWon(String leadId, String dealerId, String region, OffsetDateTime occurredAt, String model,
        BigDecimal price) {}
