package com.dealerradar.followupservice.followup.application;

import com.dealerradar.followupservice.followup.domain.FollowUp;
import com.dealerradar.followupservice.followup.domain.FollowUpState;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Follow-ups as recorded, one per dealer and {@code externalRef}, which makes posting them
 * idempotent. Beside them, markers of the unfinished ones (stored but maybe not counted yet, or
 * waiting for their lead), so that nothing searches the follow-ups by state. A marker is written
 * before what it marks, so a crash leaves a marker without work, never work without a marker.
 */
public interface FollowUps {

    /** The follow-ups waiting for a lead: the ids its marker named when read, and the follow-ups stored under them. */
    record Awaiting(List<String> ids, List<FollowUp> followUps) {}

    /** A follow-up accepted as awaiting its lead, and when it was. */
    record Arrival(String followUpId, Instant recordedAt) {}

    /** Marks and stores a new follow-up; completes with false when the dealer already used its {@code externalRef}. */
    Mono<Boolean> insert(FollowUp followUp);

    /** Marks a follow-up as unfinished: recording, or awaiting its lead. Harmless when repeated. */
    Mono<Void> markUnfinished(FollowUp followUp);

    /** Ids of the follow-ups marked as recording since before {@code before}. */
    Flux<String> recordingSince(Instant before);

    /** Ids of the leads that follow-ups have awaited since before {@code before}. */
    Flux<String> awaitedSince(Instant before);

    Mono<Void> dropRecordingMarker(String followUpId);

    /** The follow-ups waiting for {@code leadId}, by id; ids of follow-ups not stored (yet) are absent. */
    Mono<Awaiting> awaiting(String leadId);

    /** Takes {@code ids} off the lead's marker, and drops the marker once it names none. */
    Mono<Void> stopAwaiting(String leadId, List<String> ids);

    /**
     * The follow-ups accepted as awaiting their lead at or before {@code until}, earliest first, from
     * {@code skip} on. An arrival whose follow-up is no longer awaiting may still be listed (a crash
     * between the two writes); {@link #forget} drops it.
     */
    Mono<List<Arrival>> arrivedUntil(Instant until, long skip, int limit);

    /** How many follow-ups await their lead. */
    Mono<Long> countAwaiting();

    /** Drops an arrival whose follow-up no longer awaits its lead. */
    Mono<Void> forget(Arrival arrival);

    /**
     * Removes a follow-up that still awaits its lead, so that a capture arriving later does not count
     * it; completes with false when it no longer awaited its lead.
     */
    Mono<Boolean> expire(FollowUp followUp);

    Mono<FollowUp> find(String followUpId);

    Mono<FollowUp> findByExternalRef(String dealerId, String externalRef);

    /** A lead's counted follow-ups, in the order they happened. */
    Flux<FollowUp> recordedOfLead(String leadId, long skip, int limit);

    Mono<Long> countRecordedOfLead(String leadId);

    /** Moves a follow-up from one state to another; completes with false when it was not in {@code from}. */
    Mono<Boolean> changeState(FollowUp followUp, FollowUpState from, FollowUpState to);
}
