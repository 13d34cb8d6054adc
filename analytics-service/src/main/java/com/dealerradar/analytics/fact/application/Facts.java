package com.dealerradar.analytics.fact.application;

import com.dealerradar.analytics.fact.domain.GroupKey;
import com.dealerradar.analytics.fact.domain.LeadFact;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One fact per lead, of bounded size, Idempotency
 * is kept by high-water marks per source (the lead's sequence, the defeat's sequence), never by lists
 * of applied events. Any event may create the fact (a follow-up can arrive before the capture that
 * other topic carries); the capture fills the group in later. Each write completes with the fact's
 * group once it has one, and empty before.
 */
public interface Facts {

    /** A fact and the group (dealer, day, dimensions) it counts in. */
    record Filed(GroupKey group, LeadFact fact) {}

    /**
     * Sets the fields of a radar.leads event, guarded by the lead's {@code sequence}: only a newer
     * version of the lead changes the fact, a redelivered or stale one changes nothing.
     */
    Mono<GroupKey> applyLeadEvent(String leadId, long sequence, Map<String, Object> fields);

    /**
     * Applies a follow-up: it only ever sets flags and keeps minimums, which a repeated or reordered
     * follow-up cannot change, so it needs no guard.
     */
    Mono<GroupKey> applyFollowUp(String leadId, Map<String, Object> fields, Map<String, Object> minimums);

    /** Applies a radar.defeats event once, by the lead's {@link com.dealerradar.analytics.fact.domain.DefeatProgress}. */
    Mono<GroupKey> applyDefeatEvent(String leadId, String defeatId, long sequence, Instant at,
            Map<String, Object> fields, Map<String, Number> increments);

    /** The facts of the given leads that have a group (a dealer's day: a bounded list). */
    Flux<Filed> filed(Collection<String> leadIds);
}
