package com.dealerradar.defeatservice.defeat.application;

import com.dealerradar.defeatservice.defeat.domain.Defeat;
import com.dealerradar.defeatservice.defeat.domain.DefeatState;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The lists of defeats read by key: the callbacks due and every defeat by the time it happened, per
 * dealer, region and group. A defeat joins a list before its document is written and again after, and
 * leaves one after, so a list never misses a defeat; entries left stale are dropped when read.
 */
public interface DefeatLists {

    /** A page of defeats and the total of the list. */
    record Found(List<Defeat> defeats, long total) {}

    /** A defeat about to be inserted joins its lists. */
    Mono<Void> opening(Defeat defeat);

    /** After a defeat was inserted: it joins its lists again, in case a reader took it out meanwhile. */
    Mono<Void> opened(Defeat defeat);

    /** Before {@code after} is written over {@code before}: it joins the list of its new state. */
    Mono<Void> changing(Defeat before, Defeat after);

    /**
     * After {@code after} was written over {@code before}: it joins the list of its new state again (a
     * reader may have taken it out meanwhile) and leaves the lists it no longer belongs to.
     */
    Mono<Void> changed(Defeat before, Defeat after);

    /** The pending callbacks of a list, the longest overdue first. */
    Mono<Found> callbacksDue(DefeatList list, long skip, int limit);

    /**
     * The defeats of a list in {@code state} (any when null) that happened in {@code [from, until]},
     * newest first; a null {@code from} or {@code until} leaves that end open.
     */
    Mono<Found> reported(DefeatList list, DefeatState state, Instant from, Instant until, long skip, int limit);
}
