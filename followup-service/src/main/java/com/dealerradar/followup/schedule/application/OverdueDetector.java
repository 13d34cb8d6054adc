package com.dealerradar.followup.schedule.application;

import com.dealerradar.followup.cadence.adapter.mongo.CadenceStore;
import com.dealerradar.followup.followup.application.FollowUpEvents;
import com.dealerradar.followup.lead.adapter.mongo.TrackedLeadStore;
import com.dealerradar.followup.lead.application.LeadViews;
import com.dealerradar.followup.lead.domain.AtRiskReason;
import com.dealerradar.followup.lead.domain.TrackedLead;
import com.dealerradar.platform.outbox.OutboxEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Announces overdue leads (once per overdue episode) and at-risk candidates (once per lead and
 * reason). Any number of instances may run it at once: the announcement is a marker in the lead's
 * document written together with the event, conditional on the document being unchanged since it
 * was read, so exactly one run wins each announcement and the others find it made.
 */
@Service
public class OverdueDetector {

    private final TrackedLeadStore store;
    private final LeadViews leads;
    private final CadenceStore cadences;
    private final Clock clock;
    private final ZoneId zone;

    public OverdueDetector(TrackedLeadStore store, LeadViews leads, CadenceStore cadences, Clock clock, ZoneId groupZone) {
        this.store = store;
        this.leads = leads;
        this.cadences = cadences;
        this.clock = clock;
        this.zone = groupZone;
    }

    /** How many events one run published, and how many leads it re-planned under a newer cadence. */
    public record Run(long replanned, long overdue, long atRiskCandidates) {}

    public Mono<Run> runOnce() {
        Instant now = clock.instant();
        // Re-planning first heals leads that a concurrent writer planned under a cadence just replaced.
        Mono<Long> replanned = cadences.current().flatMap(leads::replanStale);
        Mono<Long> overdue = store.overdueUnannounced(now)
                .concatMap(leadId -> leads.change(leadId, (lead, cadence) -> lead.overdueToAnnounce(now)
                        .map(next -> new LeadViews.Change(next, List.of(FollowUpEvents.overdue(next, now, zone))))))
                .map(applied -> (long) applied.events().size())
                .reduce(0L, Long::sum);
        Mono<Long> atRisk = store.atRiskUnannounced(now)
                .concatMap(leadId -> leads.change(leadId, (lead, cadence) -> atRiskAnnouncements(lead, now)))
                .map(applied -> (long) applied.events().size())
                .reduce(0L, Long::sum);
        return replanned.flatMap(r -> overdue.flatMap(o -> atRisk.map(a -> new Run(r, o, a))));
    }

    private Optional<LeadViews.Change> atRiskAnnouncements(TrackedLead lead, Instant now) {
        TrackedLead next = lead;
        List<OutboxEvent> events = new ArrayList<>();
        for (AtRiskReason reason : AtRiskReason.values()) {
            Optional<TrackedLead> announced = next.atRiskToAnnounce(reason, now);
            if (announced.isPresent()) {
                next = announced.get();
                events.add(FollowUpEvents.atRiskCandidate(next, reason, next.plan().since(reason, now), zone));
            }
        }
        return events.isEmpty() ? Optional.empty() : Optional.of(new LeadViews.Change(next, events));
    }
}
