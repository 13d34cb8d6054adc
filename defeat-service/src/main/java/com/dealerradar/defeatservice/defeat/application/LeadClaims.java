package com.dealerradar.defeatservice.defeat.application;

import com.dealerradar.defeatservice.leadview.domain.LeadStatus;
import java.time.Instant;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The marker of each lead's one unsettled defeat, and the openings under way: what lets a defeat be
 * opened on a lead without a transaction across the two (see {@link DefeatOpening}).
 */
public interface LeadClaims {

    /** An opening under way: the lead and the defeat it claims. */
    record OpeningUnderWay(String leadId, String defeatId) {}

    /** An opening under way on a lead, with the defeat that is to be inserted. */
    record PendingOpening(String leadId, PendingDefeat pending) {}

    /**
     * Marks the defeat's lead as having this open defeat, and parks the defeat beside the marker, if
     * the lead has no open defeat and its status is one of {@code allowed}. Completes with whether it did.
     * The opening is noted as under way first; a refused claim leaves that note for the caller or the
     * sweep to drop.
     */
    Mono<Boolean> claim(PendingDefeat pending, Set<LeadStatus> allowed, Instant now);

    /** The defeat parked on this lead, if an opening is under way on it. */
    Mono<PendingOpening> findPendingOpening(String leadId);

    /** The opening of {@code defeatId} finished, one way or the other. */
    Mono<Void> openingOver(String defeatId);

    /** The defeat is in place: only the marker stays on the lead. */
    Mono<Void> completeClaim(String leadId, String defeatId);

    /** The lead no longer has an open defeat: it was settled, or its opening could not complete. */
    Mono<Void> release(String leadId, String defeatId);

    /** Openings begun before {@code before} and still not over: their writer was interrupted. */
    Flux<OpeningUnderWay> openingsUnderWay(Instant before, int limit);
}
