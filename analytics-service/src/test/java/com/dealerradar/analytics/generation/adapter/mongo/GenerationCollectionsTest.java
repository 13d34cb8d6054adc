package com.dealerradar.analytics.generation.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.analytics.finding.adapter.mongo.FindingCollections;
import org.junit.jupiter.api.Test;

class GenerationCollectionsTest {

    @Test
    void aRebuildNeverDropsTheAssignmentsOfFindings() {
        assertThat(new GenerationCollections(GenerationCollections.FIRST).all())
                .doesNotContainAnyElementsOf(FindingCollections.ALL);
        assertThat(new GenerationCollections("g1a2b3c4d").all()).doesNotContainAnyElementsOf(FindingCollections.ALL)
                .allMatch(collection -> collection.endsWith("_g1a2b3c4d"));
    }
}
