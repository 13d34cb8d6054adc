package com.dealerradar.analytics.generation.application;

import com.dealerradar.analytics.generation.domain.GenerationState;
import reactor.core.publisher.Mono;

/** The one document that says which generation serves and which is being built, read and written by key. */
public interface GenerationRegistry {

    /** The state as stored; the first generation's when nothing is stored yet. */
    Mono<GenerationState> read();

    /** Writes {@code next} if the stored state is still at {@code next.version() - 1}; false when another write came first. */
    Mono<Boolean> replace(GenerationState next);
}
