package com.dealerradar.defeatservice.leadview.application;

import com.dealerradar.defeatservice.leadview.domain.LeadStatus;
import com.dealerradar.events.EventEnvelope;
import com.dealerradar.events.EventJson;
import com.dealerradar.events.EventTypes;
import com.dealerradar.events.lead.LeadCaptured;
import com.dealerradar.events.lead.LeadInvalidated;
import com.dealerradar.events.lead.LeadStatusChanged;
import com.dealerradar.events.lead.LeadWon;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Keeps defeat-service's view of each lead (dealer, region, status) from radar.leads. The event's
 * {@code sequence} is the lead's version, so a redelivered or stale event changes nothing.
 */
@Service
public class KnownLeadProjection {

    private final KnownLeads leads;

    public KnownLeadProjection(KnownLeads leads) {
        this.leads = leads;
    }

    public Mono<Void> apply(EventEnvelope event) {
        return switch (event.type()) {
            case EventTypes.LEAD_CAPTURED -> {
                LeadCaptured lead = EventJson.read(event.data(), LeadCaptured.class);
                yield leads.apply(lead.leadId(), lead.dealerId(), lead.region(), LeadStatus.OPEN, event.sequence());
            }
            case EventTypes.LEAD_WON -> {
                LeadWon won = EventJson.read(event.data(), LeadWon.class);
                yield leads.apply(won.leadId(), won.dealerId(), won.region(), LeadStatus.WON, event.sequence());
            }
            case EventTypes.LEAD_INVALIDATED -> {
                LeadInvalidated invalid = EventJson.read(event.data(), LeadInvalidated.class);
                yield leads.apply(invalid.leadId(), invalid.dealerId(), invalid.region(), LeadStatus.INVALID,
                        event.sequence());
            }
            case EventTypes.LEAD_STATUS_CHANGED -> {
                LeadStatusChanged changed = EventJson.read(event.data(), LeadStatusChanged.class);
                yield leads.apply(changed.leadId(), changed.dealerId(), changed.region(),
                        LeadStatus.valueOf(changed.status()), event.sequence());
            }
            default -> Mono.empty();
        };
    }
}
