package com.dealerradar.analytics.fact.application;

import com.dealerradar.events.EventEnvelope;
import com.dealerradar.events.EventTypes;
import reactor.core.publisher.Mono;

/**
 * What every consumed event goes through, live or replayed: the projection writes the fact, a
 * capture files the lead under its dealer's day, and the dealer-day is marked dirty for the next
 * {@link CellRefresher#flush()}. Once this completes, the event may be acknowledged: a crash after
 * it loses nothing, because the marker is persisted.
 */
public class EventIntake {

    private final LeadProjection projection;
    private final CellIndex index;
    private final CellRefresher refresher;

    public EventIntake(LeadProjection projection, CellIndex index, CellRefresher refresher) {
        this.projection = projection;
        this.index = index;
        this.refresher = refresher;
    }

    public Mono<Void> apply(EventEnvelope event) {
        return projection.apply(event).flatMap(applied -> {
            Mono<Void> filed = EventTypes.LEAD_CAPTURED.equals(event.type())
                    ? index.addLead(applied.group().dealerId(), applied.group().day(), applied.leadId())
                    : Mono.empty();
            return filed.then(refresher.mark(applied.group()));
        });
    }
}
