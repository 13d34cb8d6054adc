package com.dealerradar.analytics.fact.application;

import com.dealerradar.analytics.fact.domain.DealerDay;
import reactor.core.publisher.Mono;

/**
 * Told of each dealer-day a flush recomputed, before its marker is cleared: a read model kept beside
 * the cells and derived from the same dealer-days hooks in here, and is told again after a crash. A
 * dealer-day may also be told twice (a chunk retried, another instance), so what it does must be
 * idempotent.
 */
public interface DealerDayObserver {

    Mono<Void> recomputed(DealerDay day);
}
