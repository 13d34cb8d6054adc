package com.dealerradar.defeat.defeat.adapter.mongo;

import com.dealerradar.defeat.defeat.domain.Defeat;
import com.dealerradar.defeat.lead.adapter.mongo.KnownLeadStore;
import com.dealerradar.defeat.lead.domain.KnownLead;
import com.dealerradar.defeat.lead.domain.LeadStatus;
import com.dealerradar.platform.outbox.OutboxEvent;
import com.dealerradar.platform.outbox.OutboxRelay;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Opens a defeat on a lead so that the lead never has two unsettled ones, without a transaction
 * across the two documents involved:
 * <ol>
 * <li>claim: one conditional update of the known lead sets {@code openDefeatId} (only where none is
 * set and the lead's status allows it) and parks the complete defeat document, outbox included,
 * beside it as {@code pendingDefeat};</li>
 * <li>insert the defeat document (its id makes the insert idempotent);</li>
 * <li>drop {@code pendingDefeat}, leaving the marker.</li>
 * </ol>
 * A crash after step 1 leaves the intent on the lead: whoever finds it next (a later claim on the
 * same lead, or {@link #completeInterrupted} on its schedule) repeats steps 2 and 3, so the report
 * is never lost and the marker never blocks the lead for good. A marker whose defeat is settled (a
 * crash between settling and releasing) or missing is cleared by the next claim that meets it.
 */
@Component
public class DefeatOpening {

    /** How an opening ended. */
    public enum Outcome { OPENED, LEAD_UNKNOWN, LEAD_CLOSED, DEFEAT_OPEN, EXTERNAL_REF_TAKEN }

    /** Claims retried after clearing a marker that only a crash left behind. */
    private static final int CLAIM_ATTEMPTS = 3;

    private final KnownLeadStore leads;
    private final DefeatStore defeats;
    private final DefeatLists lists;
    private final OutboxRelay relay;
    private final Clock clock;

    public DefeatOpening(KnownLeadStore leads, DefeatStore defeats, DefeatLists lists, OutboxRelay relay,
            Clock clock) {
        this.leads = leads;
        this.defeats = defeats;
        this.lists = lists;
        this.relay = relay;
        this.clock = clock;
    }

    /** Opens {@code defeat}, with its events, on a lead whose status is one of {@code allowed}. */
    public Mono<Outcome> open(Defeat defeat, List<OutboxEvent> events, Set<LeadStatus> allowed) {
        return attempt(defeat.leadId(), defeat.defeatId(), DefeatStore.toDocument(defeat, events), allowed,
                CLAIM_ATTEMPTS);
    }

    /** Completes the openings that were interrupted at least a moment ago; completes with how many. */
    public Mono<Long> completeInterrupted(Duration olderThan, int limit) {
        return leads.openingsUnderWay(clock.instant().minus(olderThan), limit)
                .concatMap(opening -> leads.findPendingOpening(opening.leadId())
                        .filter(pending -> opening.defeatId().equals(pending.defeat().getString("_id")))
                        .flatMap(pending -> insertClaimed(pending.leadId(), pending.defeat()).thenReturn(true))
                        // No intent parked for this defeat: its claim failed or it completed; the marker is stale.
                        .switchIfEmpty(Mono.defer(() -> leads.openingOver(opening.defeatId()).thenReturn(false))))
                .filter(Boolean::booleanValue)
                .count();
    }

    /** Why a claim failed: the lead is unknown, closed, busy with another defeat, or was freed meanwhile. */
    private enum Refusal { UNKNOWN, CLOSED, BUSY, FREED, OURS }

    private Mono<Outcome> attempt(String leadId, String defeatId, Document defeat, Set<LeadStatus> allowed,
            int attemptsLeft) {
        return leads.claim(leadId, defeatId, allowed, defeat, clock.instant())
                .flatMap(claimed -> claimed ? insertClaimed(leadId, defeat) : refusal(leadId, defeatId, allowed)
                        .flatMap(refusal -> switch (refusal) {
                            case OURS -> Mono.just(Outcome.OPENED);
                            case UNKNOWN -> leads.openingOver(defeatId).thenReturn(Outcome.LEAD_UNKNOWN);
                            case CLOSED -> leads.openingOver(defeatId).thenReturn(Outcome.LEAD_CLOSED);
                            case BUSY -> leads.openingOver(defeatId).thenReturn(Outcome.DEFEAT_OPEN);
                            case FREED -> attemptsLeft > 1
                                    ? attempt(leadId, defeatId, defeat, allowed, attemptsLeft - 1)
                                    : leads.openingOver(defeatId).thenReturn(Outcome.DEFEAT_OPEN);
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
        return leads.findPendingOpening(leadId)
                .flatMap(pending -> insertClaimed(leadId, pending.defeat()))
                .then();
    }

    private Mono<Refusal> busyOrFreed(KnownLead lead) {
        String marker = lead.openDefeatId();
        return defeats.find(marker)
                .filter(open -> !open.state().settled())
                .map(open -> Refusal.BUSY)
                .switchIfEmpty(Mono.defer(() -> leads.release(lead.leadId(), marker).thenReturn(Refusal.FREED)));
    }

    private Mono<Outcome> insertClaimed(String leadId, Document defeat) {
        String defeatId = defeat.getString("_id");
        return lists.opening(DefeatStore.toDefeat(defeat))
                .then(defeats.insert(defeat))
                .then(Mono.fromSupplier(() -> Outcome.OPENED))
                .onErrorResume(DuplicateKeyException.class, e -> defeats.find(defeatId)
                        .map(inserted -> Outcome.OPENED)
                        .defaultIfEmpty(Outcome.EXTERNAL_REF_TAKEN))
                .flatMap(outcome -> outcome == Outcome.OPENED
                        ? leads.completeClaim(leadId, defeatId)
                                .then(Mono.fromRunnable(() -> relay.publishSoon(DefeatStore.COLLECTION, defeatId)))
                                .thenReturn(outcome)
                        : leads.release(leadId, defeatId).thenReturn(outcome));
    }
}
