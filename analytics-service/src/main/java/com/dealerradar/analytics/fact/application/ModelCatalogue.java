package com.dealerradar.analytics.fact.application;

import reactor.core.publisher.Mono;

/**
 * The catalogue of models per brand, never more than {@link com.dealerradar.analytics.fact.domain.ModelNames#PER_BRAND}
 * each. An entry, once in, stays. Not derived from the topics alone (it depends on which model came
 * first), so the rebuild keeps it, as it keeps spend.
 */
public interface ModelCatalogue {

    /** The catalogue entry for {@code model} of {@code brand}: the normalized name, OTHER, or empty when there is no model. */
    Mono<String> entryOf(String brand, String model);
}
