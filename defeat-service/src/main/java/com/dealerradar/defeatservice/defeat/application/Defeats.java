package com.dealerradar.defeatservice.defeat.application;

import com.dealerradar.defeatservice.defeat.domain.Defeat;
import com.dealerradar.platform.outbox.OutboxEvent;
import java.util.List;
import reactor.core.publisher.Mono;

/** The stored defeats, each written together with the events of its change. */
public interface Defeats {

    /** Stores a new defeat with the events of its creation; completes with false when its id, or its dealer's {@code externalRef}, is taken. */
    Mono<Boolean> insert(Defeat defeat, List<OutboxEvent> events);

    Mono<Defeat> find(String defeatId);

    Mono<Defeat> findByExternalRef(String dealerId, String externalRef);

    /**
     * Writes {@code after} over {@code before} with its events, only while the stored version is still
     * {@code before}'s. Completes with whether it did.
     */
    Mono<Boolean> update(Defeat before, Defeat after, List<OutboxEvent> events);
}
