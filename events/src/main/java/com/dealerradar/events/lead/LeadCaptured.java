package com.dealerradar.events.lead;

import java.time.OffsetDateTime;

/**
 * Payload of {@code radar.lead.captured.v1}. No clear-text phone or person's name leaves lead-service.
 * {@code vehicles}: how many the customer asks about; null in events published before it was added,
 * which consumers count as 1.
 */
public record LeadCaptured(
        String leadId,
        String dealerId,
        String region,
        String externalRef,
        OffsetDateTime occurredAt,
        String channel,
        String grade,
        boolean contactRetained,
        String model,
        String consultant,
        Customer customer,
        DuplicateRef possibleDuplicateOf,
        Integer vehicles) {

    /** A capture of one vehicle, as every capture was before {@code vehicles}. */
    public LeadCaptured(String leadId, String dealerId, String region, String externalRef, OffsetDateTime occurredAt,
            String channel, String grade, boolean contactRetained, String model, String consultant, Customer customer,
            DuplicateRef possibleDuplicateOf) {
        this(leadId, dealerId, region, externalRef, occurredAt, channel, grade, contactRetained, model, consultant,
                customer, possibleDuplicateOf, 1);
    }

    public record Customer(String kind, String industry, String organization, String phoneHash) {}

    public record DuplicateRef(String leadId, String dealerId) {}
}
