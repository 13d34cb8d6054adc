package com.dealerradar.analytics.fact.application;

import com.dealerradar.analytics.fact.domain.DealerDay;
import java.util.Collection;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The dealer-days whose cells are out of date, one marker each, written before the event that made
 * them dirty is acknowledged and removed once their cells are recomputed. A marker's count goes up
 * with each new mark, so a recompute removes only the marks it has seen.
 */
public interface DirtyMarkers {

    Mono<Void> mark(DealerDay day);

    /** The mark count of each of the given markers that exists, by the dealer-day's id. */
    Mono<Map<String, Long>> counts(Collection<DealerDay> days);

    /** Removes the marker unless it was marked again after its count was read. */
    Mono<Void> clear(String id, long count);

    /** Every marked dealer-day (left by a stopped instance, or marked by another). */
    Flux<DealerDay> pending();
}
