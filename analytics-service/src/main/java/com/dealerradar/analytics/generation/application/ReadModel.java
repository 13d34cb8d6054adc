package com.dealerradar.analytics.generation.application;

import com.dealerradar.analytics.fact.application.CachedCells;
import com.dealerradar.analytics.fact.application.CellIndex;
import com.dealerradar.analytics.fact.application.CellRefresher;
import com.dealerradar.analytics.fact.application.Cells;
import com.dealerradar.analytics.fact.application.EventIntake;
import com.dealerradar.analytics.fact.application.FlushBatching;
import com.dealerradar.analytics.fact.application.LeadProjection;
import com.dealerradar.analytics.fact.application.ModelCatalogue;
import com.dealerradar.analytics.wave.application.InquiryDays;
import com.dealerradar.analytics.wave.application.WaveIntake;
import com.dealerradar.events.EventEnvelope;
import com.dealerradar.platform.directory.DealerDirectory;
import com.dealerradar.platform.directory.DirectoryProjection;
import java.time.Duration;
import java.time.ZoneId;
import reactor.core.publisher.Mono;

/**
 * One generation of the read model: its stores and the intake that feeds them, with its own
 * {@link CellRefresher} (the dirty dealer-days it has pending are this generation's). The live one
 * serves the dashboards; a rebuild fills a new one beside it.
 */
public final class ReadModel {

    private final String generation;
    private final ReadModelStores.Stores stores;
    private final Cells cells;
    private final DirectoryProjection directoryProjection;
    private final EventIntake intake;
    private final CellRefresher refresher;

    /** @param cellCacheRows how many rows of cells to keep decoded ({@link CachedCells}); 0 reads every cell from the store */
    ReadModel(String generation, ReadModelStores.Stores stores, ModelCatalogue models, ZoneId groupZone,
            FlushBatching batching, long cellCacheRows) {
        this.generation = generation;
        this.stores = stores;
        this.cells = cellCacheRows > 0 ? new CachedCells(stores.cells(), cellCacheRows) : stores.cells();
        this.directoryProjection = new DirectoryProjection(stores.directory());
        this.refresher = new CellRefresher(stores.facts(), cells, stores.index(), stores.markers(),
                new WaveIntake(stores.index(), stores.inquiryFacts(), stores.inquiryDays()), batching);
        this.intake = new EventIntake(new LeadProjection(stores.facts(), stores.directory(), models, groupZone),
                stores.index(), refresher);
    }

    public String generation() {
        return generation;
    }

    /** An event of radar.directory. */
    public Mono<Void> applyDirectory(EventEnvelope event) {
        return directoryProjection.apply(event);
    }

    /** An event of radar.leads, radar.followups or radar.defeats. */
    public Mono<Void> applyLeadEvent(EventEnvelope event) {
        return intake.apply(event);
    }

    /**
     * Recomputes every cell that is dirty now, the markers other instances left included; blocks until
     * done and answers the number of cells written. One flush is enough: a flush that was running
     * meanwhile, and may have taken some of the pending dealer-days, finishes before this one starts.
     * Live events keep marking days while it runs; those are the next flush's, so this one ends under load.
     */
    public long flushAll(Duration timeout) {
        refresher.adoptMarkers().block(timeout);
        Long written = refresher.flush().block(timeout);
        return written == null ? 0 : written;
    }

    public CellRefresher refresher() {
        return refresher;
    }

    public DealerDirectory directory() {
        return stores.directory();
    }

    public Cells cells() {
        return cells;
    }

    public CellIndex index() {
        return stores.index();
    }

    public InquiryDays inquiryDays() {
        return stores.inquiryDays();
    }
}
