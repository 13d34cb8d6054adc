package com.dealerradar.lead.lead.domain;

import java.time.Instant;
import java.time.OffsetDateTime;

/** A lead of one dealer and what has become of it. */
public record Lead(
        String leadId,
        String dealerId,
        String region,
        String externalRef,
        OffsetDateTime occurredAt,
        Channel channel,
        Grade grade,
        boolean contactRetained,
        String model,
        String consultant,
        Customer customer,
        LeadStatus status,
        Instant createdAt,
        long version,
        String fingerprint) {

    /** A new lead, OPEN at version 1. {@code fingerprint} identifies the content for idempotent re-posts. */
    public static Lead capture(String leadId, String region, NewLead n, PhoneNumber phone, String fingerprint,
            Instant now) {
        Customer customer = new Customer(n.customerKind(), n.customerName(), phone, n.industry(), n.organization());
        return new Lead(leadId, n.dealerId(), region, n.externalRef(), n.occurredAt(), n.channel(), n.grade(),
                n.contactRetained(), n.model(), n.consultant(), customer, LeadStatus.OPEN, now, 1, fingerprint);
    }
}
