package com.dealerradar.lead.lead.application;

import com.dealerradar.events.EventTypes;
import com.dealerradar.events.Topics;
import com.dealerradar.events.lead.LeadCaptured;
import com.dealerradar.lead.LeadServiceApplication;
import com.dealerradar.lead.lead.domain.Lead;
import com.dealerradar.platform.outbox.OutboxEvent;

/** The events of radar.leads, built from the lead as it stands after the change. */
final class LeadEvents {

    private LeadEvents() {}

    static OutboxEvent captured(Lead lead) {
        var c = lead.customer();
        LeadCaptured payload = new LeadCaptured(lead.leadId(), lead.dealerId(), lead.region(), lead.externalRef(),
                lead.occurredAt(), lead.channel().name(), lead.grade() == null ? null : lead.grade().name(),
                lead.contactRetained(), lead.model(), lead.consultant(),
                new LeadCaptured.Customer(c.kind().name(), c.industry() == null ? null : c.industry().name(),
                        c.organization(), c.phone() == null ? null : c.phone().hash()),
                null);
        return event(lead, EventTypes.LEAD_CAPTURED, payload);
    }

    private static OutboxEvent event(Lead lead, String type, Object payload) {
        return OutboxEvent.of(Topics.LEADS, lead.leadId(), LeadServiceApplication.SOURCE, type, lead.leadId(),
                lead.occurredAt(), lead.dealerId(), lead.region(), lead.version(), payload);
    }
}
