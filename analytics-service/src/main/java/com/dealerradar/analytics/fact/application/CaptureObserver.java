package com.dealerradar.analytics.fact.application;

import com.dealerradar.analytics.fact.domain.GroupKey;
import reactor.core.publisher.Mono;

/**
 * Told of every capture once its fact is written and the lead is filed under its dealer-day, before
 * the event is acknowledged: a read model kept beside the cells hooks in here. It is told again when
 * the capture is redelivered, so what it does must be idempotent.
 */
public interface CaptureObserver {

    Mono<Void> captured(GroupKey group);
}
