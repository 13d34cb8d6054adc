package com.dealerradar.followupservice.leadview.application;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * When the detector must look at which lead, kept so that it finds them by key instead of searching
 * the tracked leads. Alert times are filed by minute; the detector walks the minutes from its
 * checkpoint to now. A lead whose alert time lies before the frontier the detector has already walked
 * past (a history import, a clock that moved on) gets a ready marker instead, which every run reads.
 * So every alert is either in a minute walked after it was filed or in a marker. An entry that
 * became stale (the lead changed) costs a look and nothing else.
 */
public interface LeadAlerts {

    /** The detector's frontier, in epoch minutes; {@code migrated} once the leads stored before it existed are scheduled. */
    record Checkpoint(long next, long done, boolean migrated) {}

    /** A lead waiting in the ready markers; {@code token} tells this marker from one written after it was read. */
    record Ready(String leadId, String token) {}

    /** What a walk found: the leads to look at, and the stored pages of minutes to drop once they were looked at. */
    record Walked(LinkedHashSet<String> leadIds, List<String> pages) {}

    static long minuteOf(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 60);
    }

    /** Makes sure the detector looks at {@code leadId} at each of {@code times}. */
    Mono<Void> schedule(String leadId, Collection<Instant> times);

    /** Puts the lead among the ready markers, or renews its marker. */
    Mono<Void> markReady(String leadId);

    Flux<Ready> ready();

    /** Drops the marker unless it was renewed after it was read. */
    Mono<Void> dropReady(Ready ready);

    Mono<Checkpoint> checkpoint();

    /** Creates the checkpoint at {@code minute}, unless another run did; completes with the stored one. */
    Mono<Checkpoint> start(long minute);

    Mono<Void> migrated();

    /** Moves {@code next} forward to {@code minute} (never back); completes with the stored checkpoint. */
    Mono<Checkpoint> advance(long minute);

    /** Records the minutes before {@code minute} as processed (never back). */
    Mono<Void> processedUntil(long minute);

    /** The leads filed under the minutes in {@code [from, until)}, and the pages read. */
    Mono<Walked> walk(long from, long until);

    Mono<Void> dropPages(List<String> pages);
}
