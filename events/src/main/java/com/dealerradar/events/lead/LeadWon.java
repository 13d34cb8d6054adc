package com.dealerradar.events.lead;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * Payload of {@code radar.lead.won.v1}; {@code price} may be null. {@code vehicles}: how many were sold;
 * null in events published before it was added, which consumers count as 1.
 */
public record LeadWon(String leadId, String dealerId, String region, OffsetDateTime occurredAt, String model,
        BigDecimal price, Integer vehicles) {

    /** A deal of one vehicle, as every deal was before {@code vehicles}. */
    public LeadWon(String leadId, String dealerId, String region, OffsetDateTime occurredAt, String model,
            BigDecimal price) {
        this(leadId, dealerId, region, occurredAt, model, price, 1);
    }
}
