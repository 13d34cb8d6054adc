package com.dealerradar.lead.lead.adapter.web;

import com.dealerradar.lead.lead.domain.Lead;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A lead as callers see it: the phone number only masked. */
record LeadView(
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
        CustomerView customer,
        String status,
        Instant createdAt,
        long version) {

    record CustomerView(String kind, String name, String phone, String industry, String organization) {}

    static LeadView of(Lead lead) {
        var c = lead.customer();
        return new LeadView(lead.leadId(), lead.dealerId(), lead.region(), lead.externalRef(), lead.occurredAt(),
                lead.channel().name(), lead.grade() == null ? null : lead.grade().name(), lead.contactRetained(),
                lead.model(), lead.consultant(),
                new CustomerView(c.kind().name(), c.name(), c.phone() == null ? null : c.phone().masked(),
                        c.industry() == null ? null : c.industry().name(), c.organization()),
                lead.status().name(), lead.createdAt(), lead.version());
    }
}
