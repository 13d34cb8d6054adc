package com.dealerradar.analytics.fact.application;

import com.dealerradar.analytics.fact.adapter.mongo.FactStore;
import com.dealerradar.analytics.fact.adapter.mongo.RollupStore;
import com.dealerradar.analytics.fact.domain.CohortDay;
import com.dealerradar.events.EventEnvelope;
import com.dealerradar.events.EventJson;
import com.dealerradar.events.EventTypes;
import com.dealerradar.events.lead.LeadCaptured;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Turns radar.leads events into lead facts and keeps the affected rollup right. */
@Service
public class LeadProjection {

    private final FactStore facts;
    private final RollupStore rollups;
    private final ZoneId groupZone;

    public LeadProjection(FactStore facts, RollupStore rollups, ZoneId groupZone) {
        this.facts = facts;
        this.rollups = rollups;
        this.groupZone = groupZone;
    }

    public Mono<Void> apply(EventEnvelope event) {
        if (EventTypes.LEAD_CAPTURED.equals(event.type())) {
            return captured(event.id(), EventJson.read(event.data(), LeadCaptured.class));
        }
        return Mono.empty();
    }

    private Mono<Void> captured(String eventId, LeadCaptured lead) {
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("dealerId", lead.dealerId());
        fact.put("region", lead.region());
        fact.put("channel", lead.channel());
        fact.put("industry", lead.customer().industry());
        fact.put("organization", lead.customer().organization());
        fact.put("customerKind", lead.customer().kind());
        fact.put("model", lead.model());
        fact.put("consultant", lead.consultant());
        fact.put("grade", lead.grade());
        fact.put("kept", lead.contactRetained());
        fact.put("day", CohortDay.of(lead.occurredAt(), groupZone));
        fact.put("capturedAt", java.util.Date.from(lead.occurredAt().toInstant()));
        fact.put("status", "OPEN");
        return facts.apply(lead.leadId(), eventId, fact, true)
                .flatMap(doc -> rollups.recompute(FactStore.groupOf(doc)));
    }
}
