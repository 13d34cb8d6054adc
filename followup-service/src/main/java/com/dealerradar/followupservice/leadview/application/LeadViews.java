package com.dealerradar.followupservice.leadview.application;

import com.dealerradar.followupservice.cadence.application.Cadences;
import com.dealerradar.followupservice.cadence.domain.Cadence;
import com.dealerradar.followupservice.leadview.domain.TrackedLead;
import com.dealerradar.platform.outbox.OutboxEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The one way to change a tracked lead: read it with the current cadence, let a rule decide, and
 * write the result with its events only if nobody wrote in between; otherwise read again and let
 * the rule decide again. That makes every rule safe against concurrent writers, other instances included.
 * <p>
 * Before a lead is written, the detector is told of each new time to look at it ({@link LeadAlerts})
 * and the lead is put where it now belongs in the work lists ({@link LeadLists}); after the write it
 * leaves the places it no longer belongs to. So a crash can leave a stale alert or entry, never a
 * missing one. After the write, a cadence
 * changed meanwhile re-plans the lead, so that a writer racing a cadence change heals its own write
 * instead of a search for stale leads.
 */
@Service
public class LeadViews {

    private static final int MAX_ATTEMPTS = 20;

    private final TrackedLeads store;
    private final Cadences cadences;
    private final LeadAlerts alerts;
    private final LeadLists lists;
    private final Clock clock;

    public LeadViews(TrackedLeads store, Cadences cadences, LeadAlerts alerts, LeadLists lists, Clock clock) {
        this.store = store;
        this.cadences = cadences;
        this.alerts = alerts;
        this.lists = lists;
        this.clock = clock;
    }

    /** What a rule wants written: the next state and the events that announce it. */
    public record Change(TrackedLead next, List<OutboxEvent> events) {

        public static Change quiet(TrackedLead next) {
            return new Change(next, List.of());
        }
    }

    /** Decides a change of a lead under the current cadence; empty when nothing is to change. */
    @FunctionalInterface
    public interface Rule {
        Optional<Change> apply(TrackedLead lead, Cadence cadence);
    }

    /** The lead as it stands after a change, and the events that change published (none if nothing changed). */
    public record Applied(TrackedLead lead, List<OutboxEvent> events) {}

    public Mono<TrackedLead> find(String leadId) {
        return store.find(leadId);
    }

    /** Starts tracking a newly captured lead; a lead tracked already stays as it is. */
    public Mono<TrackedLead> track(TrackedLead captured) {
        return Mono.when(alerts.schedule(captured.leadId(), captured.lookTimes()),
                        lists.enter(null, captured, clock.instant()))
                .then(store.insert(captured))
                .flatMap(inserted -> inserted
                        ? lists.enter(null, captured, clock.instant()).then(healStalePlan(captured))
                        : store.find(captured.leadId()));
    }

    /** Applies {@code rule} to the lead; completes empty when the lead is unknown. */
    public Mono<Applied> change(String leadId, Rule rule) {
        return Mono.defer(() -> Mono.zip(store.find(leadId), cadences.current()))
                .flatMap(leadAndCadence -> {
                    TrackedLead lead = leadAndCadence.getT1();
                    Optional<Change> change = rule.apply(lead, leadAndCadence.getT2());
                    if (change.isEmpty()) {
                        return Mono.just(new Applied(lead, List.of()));
                    }
                    Change c = change.get();
                    Instant now = clock.instant();
                    return Mono.when(alerts.schedule(leadId, newLookTimes(lead, c.next())),
                                    lists.enter(lead, c.next(), now))
                            .then(store.update(c.next(), lead.revision(), c.events()))
                            .flatMap(written -> written
                                    ? lists.enter(lead, c.next(), now).then(lists.leave(lead, c.next(), now))
                                            .thenReturn(new Applied(c.next(), c.events()))
                                    : Mono.error(new WriteConflict(leadId)));
                })
                .retryWhen(Retry.max(MAX_ATTEMPTS).filter(WriteConflict.class::isInstance))
                .flatMap(applied -> healStalePlan(applied.lead()).thenReturn(applied));
    }

    /** Re-plans every lead planned under an older cadence than {@code cadence}; completes with how many changed. */
    public Mono<Long> replanStale(Cadence cadence) {
        return store.plannedBefore(cadence.revision())
                .concatMap(leadId -> change(leadId, (lead, current) -> lead.replanned(current).map(Change::quiet)))
                .count();
    }

    private static Set<Instant> newLookTimes(TrackedLead before, TrackedLead after) {
        Set<Instant> times = new HashSet<>(after.lookTimes());
        times.removeAll(before.lookTimes());
        return times;
    }

    private Mono<TrackedLead> healStalePlan(TrackedLead written) {
        return cadences.current().flatMap(cadence -> written.plan().cadenceRevision() < cadence.revision()
                ? change(written.leadId(), (lead, current) -> lead.replanned(current).map(Change::quiet))
                        .map(Applied::lead)
                : Mono.just(written));
    }

    /** Someone else wrote the lead between our read and our write. */
    static final class WriteConflict extends RuntimeException {
        WriteConflict(String leadId) {
            super("lead " + leadId + " changed concurrently", null, false, false);
        }
    }
}
