package com.dealerradar.analytics.finding.application;

import com.dealerradar.analytics.finding.domain.Finding;
import java.util.Collection;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The assigned findings, one document each by {@code findingId}. They are user writes, not derived from
 * events: they live beside the read model's generations, so a rebuild keeps them.
 */
public interface Findings {

    Mono<Finding> find(String findingId);

    /** The assigned ones among {@code findingIds}, by id, in one read. */
    Mono<Map<String, Finding>> findAll(Collection<String> findingIds);

    /** Stores a first assignment; completes with false when the finding was assigned meanwhile. */
    Mono<Boolean> insert(Finding finding);

    /** Writes {@code after} only while the stored version is still {@code before}'s; completes with whether it did. */
    Mono<Boolean> update(Finding before, Finding after);
}
