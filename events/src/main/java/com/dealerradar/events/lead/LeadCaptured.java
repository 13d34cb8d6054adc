package com.dealerradar.events.lead;

import java.time.OffsetDateTime;

/** Payload of {@code radar.lead.captured.v1}. No clear-text phone or person's name leaves lead-service. */
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
        DuplicateRef possibleDuplicateOf) {

    public record Customer(String kind, String industry, String organization, String phoneHash) {}

    public record DuplicateRef(String leadId, String dealerId) {}
}
