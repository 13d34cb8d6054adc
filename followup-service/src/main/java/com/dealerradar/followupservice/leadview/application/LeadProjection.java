package com.dealerradar.followupservice.leadview.application;

import com.dealerradar.events.EventEnvelope;
import com.dealerradar.events.EventJson;
import com.dealerradar.events.EventTypes;
import com.dealerradar.events.lead.LeadCaptured;
import com.dealerradar.events.lead.LeadGraded;
import com.dealerradar.events.lead.LeadStatusChanged;
import com.dealerradar.followupservice.cadence.application.Cadences;
import com.dealerradar.followupservice.leadview.domain.Grade;
import com.dealerradar.followupservice.leadview.domain.LeadStatus;
import com.dealerradar.followupservice.leadview.domain.TrackedLead;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Keeps the tracked leads in step with radar.leads. Each event carries the lead's version as its
 * {@code sequence}; an event not newer than the tracked lead changes nothing, so redelivery is harmless.
 */
@Service
public class LeadProjection {

    private final LeadViews leads;
    private final Cadences cadences;

    public LeadProjection(LeadViews leads, Cadences cadences) {
        this.leads = leads;
        this.cadences = cadences;
    }

    public Mono<Void> apply(EventEnvelope event) {
        long version = event.sequence();
        return switch (event.type()) {
            case EventTypes.LEAD_CAPTURED -> captured(EventJson.read(event.data(), LeadCaptured.class), version);
            case EventTypes.LEAD_GRADED -> graded(EventJson.read(event.data(), LeadGraded.class), version);
            case EventTypes.LEAD_WON -> status(event.subject(), LeadStatus.WON, version);
            case EventTypes.LEAD_INVALIDATED -> status(event.subject(), LeadStatus.INVALID, version);
            case EventTypes.LEAD_STATUS_CHANGED -> status(event.subject(),
                    LeadStatus.valueOf(EventJson.read(event.data(), LeadStatusChanged.class).status()), version);
            default -> leads.change(event.subject(), (lead, cadence) -> lead.touched(version).map(LeadViews.Change::quiet))
                    .then();
        };
    }

    private Mono<Void> captured(LeadCaptured lead, long version) {
        Grade grade = lead.grade() == null ? null : Grade.valueOf(lead.grade());
        return cadences.current()
                .flatMap(cadence -> leads.track(TrackedLead.captured(lead.leadId(), lead.dealerId(), lead.region(),
                        grade, lead.occurredAt().toInstant(), version, cadence)))
                .then();
    }

    private Mono<Void> graded(LeadGraded graded, long version) {
        Grade grade = graded.grade() == null ? null : Grade.valueOf(graded.grade());
        return leads.change(graded.leadId(), (lead, cadence) -> lead.graded(grade, version, cadence)
                .map(LeadViews.Change::quiet)).then();
    }

    private Mono<Void> status(String leadId, LeadStatus status, long version) {
        return leads.change(leadId, (lead, cadence) -> lead.statusChanged(status, version)
                .map(LeadViews.Change::quiet)).then();
    }
}
