package com.dealerradar.defeatservice.defeat.application;

import com.dealerradar.defeatservice.defeat.domain.Defeat;
import com.dealerradar.defeatservice.leadview.application.KnownLeads;
import com.dealerradar.defeatservice.leadview.domain.KnownLead;
import com.dealerradar.defeatservice.leadview.domain.LeadStatus;
import com.dealerradar.platform.outbox.OutboxEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Opens a defeat on a lead so that the lead never has two unsettled ones, without a transaction
 * across the two documents involved:
 * <ol>
 * <li>claim: one conditional update of the known lead sets its open-defeat marker (only where none
 * is set and the lead's status allows it) and parks the complete defeat, events included, beside it
 * ({@link LeadClaims#claim});</li>
 * <li>insert the defeat document (its id makes the insert idempotent);</li>
 * <li>drop the parked defeat, leaving the marker.</li>
 * </ol>
 * A crash after step 1 leaves the intent on the lead: whoever finds it next (a later claim on the
 * same lead, or {@link #completeInterrupted} on its schedule) repeats steps 2 and 3, so the report
 * is never lost and the marker never blocks the lead for good. A marker whose defeat is settled (a
 * crash between settling and releasing) or missing is cleared by the next claim that meets it.
 */
@Service
public class DefeatOpening {

    /** How an opening ended. */
    public enum Outcome { OPENED, LEAD_UNKNOWN, LEAD_CLOSED, DEFEAT_OPEN, EXTERNAL_REF_TAKEN }

    /** Claims retried after clearing a marker that only a crash left behind. */
    private static final int CLAIM_ATTEMPTS = 3;

    private final KnownLeads leads;
    private final LeadClaims claims;
    private final Defeats defeats;
    private final DefeatLists lists;
    private final DefeatEventsOutbox outbox;
    private final Clock clock;

    public DefeatOpening(KnownLeads leads, LeadClaims claims, Defeats defeats, DefeatLists lists,
            DefeatEventsOutbox outbox, Clock clock) {
        this.leads = leads;
        this.claims = claims;
        this.defeats = defeats;
        this.lists = lists;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Opens {@code defeat}, with its events, on a lead whose status is one of {@code allowed}. */
    public Mono<Outcome> open(Defeat defeat, List<OutboxEvent> events, Set<LeadStatus> allowed) {
        return attempt(new PendingDefeat(defeat, events), allowed, CLAIM_ATTEMPTS);
    }

    /** Completes the openings that were interrupted at least a moment ago; completes with how many. */
    public Mono<Long> completeInterrupted(Duration olderThan, int limit) {
        return claims.openingsUnderWay(clock.instant().minus(olderThan), limit)
                .concatMap(opening -> claims.findPendingOpening(opening.leadId())
                        .filter(parked -> opening.defeatId().equals(parked.pending().defeat().defeatId()))
                        .flatMap(parked -> insertClaimed(parked.leadId(), parked.pending()).thenReturn(true))
                        // No intent parked for this defeat: its claim failed or it completed; the marker is stale.
                        .switchIfEmpty(Mono.defer(() -> claims.openingOver(opening.defeatId()).thenReturn(false))))
                .filter(Boolean::booleanValue)
                .count();
    }

    /** Why a claim failed: the lead is unknown, closed, busy with another defeat, or was freed meanwhile. */
    private enum Refusal { UNKNOWN, CLOSED, BUSY, FREED, OURS }

    private Mono<Outcome> attempt(PendingDefeat pending, Set<LeadStatus> allowed, int attemptsLeft) {
        String leadId = pending.defeat().leadId();
        String defeatId = pending.defeat().defeatId();
        return claims.claim(pending, allowed, clock.instant())
                .flatMap(claimed -> claimed ? insertClaimed(leadId, pending) : refusal(leadId, defeatId, allowed)
                        .flatMap(refusal -> switch (refusal) {
                            case OURS -> Mono.just(Outcome.OPENED);
                            case UNKNOWN -> claims.openingOver(defeatId).thenReturn(Outcome.LEAD_UNKNOWN);
                            case CLOSED -> claims.openingOver(defeatId).thenReturn(Outcome.LEAD_CLOSED);
                            case BUSY -> claims.openingOver(defeatId).thenReturn(Outcome.DEFEAT_OPEN);
                            case FREED -> attemptsLeft > 1
                                    ? attempt(pending, allowed, attemptsLeft - 1)
                                    : claims.openingOver(defeatId).thenReturn(Outcome.DEFEAT_OPEN);
                        }));
    }

    /**
     * Finds out why a claim failed. An opening that was interrupted is completed first; a marker that
     * names a settled or missing defeat is cleared, which frees the lead for another claim.
     */
    private Mono<Refusal> refusal(String leadId, String defeatId, Set<LeadStatus> allowed) {
        return leads.find(leadId)
                .flatMap(lead -> {
                    if (lead.openDefeatId() == null) {
                        return Mono.just(allowed.contains(lead.status()) ? Refusal.FREED : Refusal.CLOSED);
                    }
                    return completePending(leadId).then(lead.openDefeatId().equals(defeatId)
                            ? Mono.just(Refusal.OURS)
                            : busyOrFreed(lead));
                })
                .defaultIfEmpty(Refusal.UNKNOWN);
    }

    private Mono<Void> completePending(String leadId) {
        return claims.findPendingOpening(leadId)
                .flatMap(parked -> insertClaimed(leadId, parked.pending()))
                .then();
    }

    private Mono<Refusal> busyOrFreed(KnownLead lead) {
        String marker = lead.openDefeatId();
        return defeats.find(marker)
                .filter(open -> !open.state().settled())
                .map(open -> Refusal.BUSY)
                .switchIfEmpty(Mono.defer(() -> claims.release(lead.leadId(), marker).thenReturn(Refusal.FREED)));
    }

    private Mono<Outcome> insertClaimed(String leadId, PendingDefeat pending) {
        String defeatId = pending.defeat().defeatId();
        return lists.opening(pending.defeat())
                .then(defeats.insert(pending.defeat(), pending.events()))
                .flatMap(inserted -> inserted ? Mono.just(Outcome.OPENED) : defeats.find(defeatId)
                        .map(insertedBefore -> Outcome.OPENED)
                        .defaultIfEmpty(Outcome.EXTERNAL_REF_TAKEN))
                .flatMap(outcome -> outcome == Outcome.OPENED
                        ? lists.opened(pending.defeat())
                                .then(claims.completeClaim(leadId, defeatId))
                                .then(Mono.fromRunnable(() -> outbox.publishSoon(defeatId)))
                                .thenReturn(outcome)
                        : claims.release(leadId, defeatId).thenReturn(outcome));
    }
}
