package com.dealerradar.leadservice.lead.adapter.web;

import com.dealerradar.leadservice.lead.domain.Lead;
import com.dealerradar.leadservice.lead.domain.LeadRef;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.Role;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A lead as callers see it: the phone number only masked, another dealer's lead named only to ADMIN and HQ. */
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
        @JsonInclude(JsonInclude.Include.NON_NULL) DuplicateView possibleDuplicateOf,
        @JsonInclude(JsonInclude.Include.NON_NULL) DealView deal,
        @JsonInclude(JsonInclude.Include.NON_NULL) String invalidReason,
        Instant createdAt,
        long version,
        int vehicles) {

    record CustomerView(String kind, String name, String phone, String industry, String organization) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DuplicateView(String leadId, String dealerId, Boolean sameGroupDealer) {

        static DuplicateView of(LeadRef ref, String ownDealerId, Caller caller) {
            if (ref.dealerId().equals(ownDealerId)) {
                return new DuplicateView(ref.leadId(), ref.dealerId(), null);
            }
            boolean groupWide = caller.role() == Role.ADMIN || caller.role() == Role.HQ;
            return groupWide ? new DuplicateView(ref.leadId(), ref.dealerId(), true)
                    : new DuplicateView(null, null, true);
        }
    }

    record DealView(OffsetDateTime occurredAt, String model, BigDecimal price, int vehicles) {}

    static LeadView of(Lead lead, Caller caller) {
        var c = lead.customer();
        var deal = lead.deal();
        return new LeadView(lead.leadId(), lead.dealerId(), lead.region(), lead.externalRef(), lead.occurredAt(),
                lead.channel().name(), name(lead.grade()), lead.contactRetained(), lead.model(), lead.consultant(),
                new CustomerView(c.kind().name(), c.name(), c.phone() == null ? null : c.phone().masked(),
                        name(c.industry()), c.organization()),
                lead.status().name(),
                lead.possibleDuplicateOf() == null ? null
                        : DuplicateView.of(lead.possibleDuplicateOf(), lead.dealerId(), caller),
                deal == null ? null : new DealView(deal.occurredAt(), deal.model(), deal.price(), deal.vehicles()),
                name(lead.invalidReason()), lead.createdAt(), lead.version(), lead.vehicles());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
