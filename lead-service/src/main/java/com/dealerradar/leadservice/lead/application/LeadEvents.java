package com.dealerradar.leadservice.lead.application;

import com.dealerradar.events.EventTypes;
import com.dealerradar.events.Topics;
import com.dealerradar.events.lead.LeadCaptured;
import com.dealerradar.events.lead.LeadContactRetained;
import com.dealerradar.events.lead.LeadGraded;
import com.dealerradar.events.lead.LeadInvalidated;
import com.dealerradar.events.lead.LeadStatusChanged;
import com.dealerradar.events.lead.LeadWon;
import com.dealerradar.leadservice.LeadServiceApplication;
import com.dealerradar.leadservice.lead.domain.Lead;
import com.dealerradar.platform.outbox.OutboxEvent;
import java.time.OffsetDateTime;

/**
 * The events of radar.leads, built from the lead as it stands after the change; the event's
 * {@code sequence} is that version. No clear-text phone number or person's name leaves here.
 */
final class LeadEvents {

    private LeadEvents() {}

    static OutboxEvent captured(Lead lead) {
        var c = lead.customer();
        var duplicate = lead.possibleDuplicateOf();
        LeadCaptured payload = new LeadCaptured(lead.leadId(), lead.dealerId(), lead.region(), lead.externalRef(),
                lead.occurredAt(), lead.channel().name(), name(lead.grade()), lead.contactRetained(), lead.model(),
                lead.consultant(),
                new LeadCaptured.Customer(c.kind().name(), name(c.industry()), c.organization(),
                        c.phone() == null ? null : c.phone().hash()),
                duplicate == null ? null : new LeadCaptured.DuplicateRef(duplicate.leadId(), duplicate.dealerId()),
                lead.vehicles());
        return event(lead, EventTypes.LEAD_CAPTURED, lead.occurredAt(), payload);
    }

    static OutboxEvent graded(Lead before, Lead after, OffsetDateTime at) {
        return event(after, EventTypes.LEAD_GRADED, at, new LeadGraded(after.leadId(), after.dealerId(), after.region(),
                name(after.grade()), name(before.grade()), at));
    }

    static OutboxEvent contactRetained(Lead after, OffsetDateTime at) {
        return event(after, EventTypes.LEAD_CONTACT_RETAINED, at,
                new LeadContactRetained(after.leadId(), after.dealerId(), after.region(), at));
    }

    static OutboxEvent won(Lead after) {
        var deal = after.deal();
        return event(after, EventTypes.LEAD_WON, deal.occurredAt(), new LeadWon(after.leadId(), after.dealerId(),
                after.region(), deal.occurredAt(), deal.model(), deal.price(), deal.vehicles()));
    }

    static OutboxEvent invalidated(Lead after, OffsetDateTime at) {
        return event(after, EventTypes.LEAD_INVALIDATED, at, new LeadInvalidated(after.leadId(), after.dealerId(),
                after.region(), name(after.invalidReason()), at));
    }

    static OutboxEvent statusChanged(Lead before, Lead after, String defeatId, OffsetDateTime at) {
        return event(after, EventTypes.LEAD_STATUS_CHANGED, at, new LeadStatusChanged(after.leadId(), after.dealerId(),
                after.region(), after.status().name(), before.status().name(), defeatId, at));
    }

    private static OutboxEvent event(Lead lead, String type, OffsetDateTime at, Object payload) {
        return OutboxEvent.of(Topics.LEADS, lead.leadId(), LeadServiceApplication.SOURCE, type, lead.leadId(), at,
                lead.dealerId(), lead.region(), lead.version(), payload);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
