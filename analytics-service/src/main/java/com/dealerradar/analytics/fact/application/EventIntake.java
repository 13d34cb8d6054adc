package com.dealerradar.analytics.fact.application;

import com.dealerradar.events.EventEnvelope;
import com.dealerradar.events.EventTypes;
import reactor.core.publisher.Mono;

/**
 * What every consumed event goes through, live or replayed: the projection writes the fact, a
 * capture files the lead under its dealer's day and is shown to the {@link CaptureObserver}, and the
 * dealer-day is marked dirty for the next
 * {@link CellRefresher#flush()}. Once this completes, the event may be acknowledged: a crash after
 * it loses nothing, because the marker is persisted.
 */
public class EventIntake {

    private final LeadProjection projection;
    private final CellIndex index;
    private final CellRefresher refresher;
    private final CaptureObserver captures;

    public EventIntake(LeadProjection projection, CellIndex index, CellRefresher refresher, CaptureObserver captures) {
        this.projection = projection;
        this.index = index;
        this.refresher = refresher;
        this.captures = captures;
    }

    public Mono<Void> apply(EventEnvelope event) {
        return projection.apply(event).flatMap(applied -> {
            Mono<Void> filed = EventTypes.LEAD_CAPTURED.equals(event.type())
                    ? index.addLead(applied.group().dealerId(), applied.group().day(), applied.leadId())
                            .then(captures.captured(applied.group()))
                    : Mono.empty();
            return filed.then(refresher.mark(applied.group()));
        });
    }
}
