package com.dealerradar.analytics.generation.application;

import com.dealerradar.analytics.fact.application.CellIndex;
import com.dealerradar.analytics.fact.application.Cells;
import com.dealerradar.analytics.fact.application.DirtyMarkers;
import com.dealerradar.analytics.fact.application.Facts;
import com.dealerradar.analytics.wave.application.InquiryDays;
import com.dealerradar.analytics.wave.application.InquiryFacts;
import com.dealerradar.platform.directory.DealerDirectory;
import reactor.core.publisher.Mono;

/** The stores of one generation of the read model: everything derived from the topics, in collections of its own. */
public interface ReadModelStores {

    /** The id of the generation built before rebuilds made generations. */
    String firstGeneration();

    record Stores(DealerDirectory directory, Facts facts, Cells cells, CellIndex index, DirtyMarkers markers,
            InquiryDays inquiryDays, InquiryFacts inquiryFacts) {}

    Stores open(String generation);

    /** Removes every collection of {@code generation}. */
    Mono<Void> drop(String generation);
}
