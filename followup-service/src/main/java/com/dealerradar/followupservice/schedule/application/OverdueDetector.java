package com.dealerradar.followupservice.schedule.application;

import com.dealerradar.events.EventTypes;
import com.dealerradar.followupservice.cadence.application.Cadences;
import com.dealerradar.followupservice.followup.application.FollowUpEvents;
import com.dealerradar.followupservice.leadview.application.LeadAlerts;
import com.dealerradar.followupservice.leadview.application.LeadLists;
import com.dealerradar.followupservice.leadview.application.LeadViews;
import com.dealerradar.followupservice.leadview.application.TrackedLeads;
import com.dealerradar.followupservice.leadview.domain.AtRiskReason;
import com.dealerradar.followupservice.leadview.domain.TrackedLead;
import com.dealerradar.platform.outbox.OutboxEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Announces overdue leads (once per overdue episode) and at-risk candidates (once per lead and
 * reason). It looks only at the leads whose alert time came ({@link LeadAlerts}): those of the minute
 * buckets between its checkpoint and now, and those with a ready marker. So a run costs as much as
 * the leads that need a look, however many leads are stored.
 * <p>
 * Any number of instances may run it at once: the announcement is a marker in the lead's document
 * written together with the event, conditional on the document being unchanged since it was read, so
 * exactly one run wins each announcement and the others find it made.
 */
@Service
public class OverdueDetector {

    private final TrackedLeads store;
    private final LeadViews leads;
    private final LeadAlerts alerts;
    private final LeadLists lists;
    private final Cadences cadences;
    private final Clock clock;
    private final ZoneId zone;

    public OverdueDetector(TrackedLeads store, LeadViews leads, LeadAlerts alerts, LeadLists lists,
            Cadences cadences, Clock clock, ZoneId groupZone) {
        this.store = store;
        this.leads = leads;
        this.alerts = alerts;
        this.lists = lists;
        this.cadences = cadences;
        this.clock = clock;
        this.zone = groupZone;
    }

    /** How many events one run published, and how many leads it re-planned under a newer cadence. */
    public record Run(long replanned, long overdue, long atRiskCandidates) {}

    public Mono<Run> runOnce() {
        Instant now = clock.instant();
        // The minute under way is walked too: its leads not due yet get a ready marker for the next run.
        long frontier = LeadAlerts.minuteOf(now) + 1;
        return finishReplanning().flatMap(replanned -> checkpoint(frontier)
                .flatMap(checkpoint -> announce(checkpoint, now))
                .map(events -> run(replanned, events)));
    }

    /** Looks at the leads of the buckets walked since the last run, then at those with a ready marker. */
    private Mono<List<OutboxEvent>> announce(LeadAlerts.Checkpoint checkpoint, Instant now) {
        long frontier = checkpoint.next();
        return alerts.walk(checkpoint.done(), frontier).flatMap(walked -> {
            Flux<Look> fromBuckets = Flux.fromIterable(walked.leadIds())
                    .concatMap(leadId -> look(leadId, now, frontier).flatMap(look -> look.waiting()
                            ? alerts.markReady(leadId).thenReturn(look) : Mono.just(look)));
            Flux<Look> fromMarkers = alerts.ready()
                    .concatMap(ready -> look(ready.leadId(), now, frontier).flatMap(look -> look.waiting()
                            ? Mono.just(look) : alerts.dropReady(ready).thenReturn(look)));
            return fromBuckets.concatWith(fromMarkers)
                    .concatMapIterable(Look::events)
                    .collectList()
                    .flatMap(events -> alerts.processedUntil(frontier)
                            .then(alerts.dropPages(walked.pages()))
                            .thenReturn(events));
        });
    }

    /** A re-planning pass of a cadence change that a crash interrupted is finished here. */
    private Mono<Long> finishReplanning() {
        return cadences.replanPending().flatMap(pending -> pending
                ? cadences.current().flatMap(cadence -> leads.replanStale(cadence)
                        .flatMap(replanned -> cadences.replanned(cadence.revision()).thenReturn(replanned)))
                : Mono.just(0L));
    }

    /**
     * The detector's checkpoint moved on to {@code frontier}. The first run ever creates it, schedules
     * the leads stored before alerts existed and puts them in the work lists (a one-time scan; see the README).
     */
    private Mono<LeadAlerts.Checkpoint> checkpoint(long frontier) {
        return alerts.checkpoint()
                .switchIfEmpty(Mono.defer(() -> alerts.start(frontier)))
                .flatMap(checkpoint -> checkpoint.migrated() ? Mono.just(checkpoint)
                        : store.openLeadIds()
                                .concatMap(leadId -> leads.find(leadId)
                                        .flatMap(lead -> alerts.schedule(leadId, lead.lookTimes())
                                                .then(lists.enter(null, lead, clock.instant()))))
                                .then(alerts.migrated())
                                .thenReturn(checkpoint))
                .then(alerts.advance(frontier));
    }

    /** What a look at a lead announced, and whether it still has an alert time the detector walked past. */
    private record Look(List<OutboxEvent> events, boolean waiting) {}

    private Mono<Look> look(String leadId, Instant now, long frontier) {
        return leads.change(leadId, (lead, cadence) -> announcements(lead, now))
                .flatMap(applied -> lists.lookedAt(applied.lead(), now)
                        .thenReturn(new Look(applied.events(), applied.lead().alertTimes().stream()
                                .anyMatch(time -> LeadAlerts.minuteOf(time) < frontier))))
                .defaultIfEmpty(new Look(List.of(), false));
    }

    private Optional<LeadViews.Change> announcements(TrackedLead lead, Instant now) {
        List<OutboxEvent> events = new ArrayList<>();
        TrackedLead next = lead;
        Optional<TrackedLead> overdue = next.overdueToAnnounce(now);
        if (overdue.isPresent()) {
            next = overdue.get();
            events.add(FollowUpEvents.overdue(next, now, zone));
        }
        for (AtRiskReason reason : AtRiskReason.values()) {
            Optional<TrackedLead> announced = next.atRiskToAnnounce(reason, now);
            if (announced.isPresent()) {
                next = announced.get();
                events.add(FollowUpEvents.atRiskCandidate(next, reason, next.plan().since(reason, now), zone));
            }
        }
        return events.isEmpty() ? Optional.empty() : Optional.of(new LeadViews.Change(next, events));
    }

    private static Run run(long replanned, List<OutboxEvent> events) {
        long overdue = events.stream().filter(e -> e.type().equals(EventTypes.FOLLOWUP_OVERDUE)).count();
        return new Run(replanned, overdue, events.size() - overdue);
    }
}
