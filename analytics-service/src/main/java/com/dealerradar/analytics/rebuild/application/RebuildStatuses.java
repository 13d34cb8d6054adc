package com.dealerradar.analytics.rebuild.application;

import com.dealerradar.analytics.rebuild.domain.RebuildStatus;
import reactor.core.publisher.Mono;

/** The rebuilds' statuses, by id, so that any instance answers for a rebuild another one runs. */
public interface RebuildStatuses {

    /** Keeps {@code status} and makes it the latest. */
    Mono<Void> save(RebuildStatus status);

    Mono<RebuildStatus> find(String id);

    Mono<RebuildStatus> latest();
}
