package com.dealerradar.analytics.generation.application;

import com.dealerradar.analytics.fact.application.FlushBatching;
import com.dealerradar.analytics.fact.application.ModelCatalogue;
import com.dealerradar.analytics.generation.domain.GenerationState;
import com.dealerradar.events.EventEnvelope;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * This instance's view of the read model's generations: the active one, which serves every query and
 * takes every live event, and the one a rebuild is building, which the live events also go to (so
 * that it is as fresh as the live one when it takes over). What this instance applies to the building
 * generation is a best effort: the rebuild's own replay up to the topics' ends, repeated after the
 * switch, is what makes it complete, so a fault there never fails a live event.
 * <p>
 * It follows {@link GenerationRegistry}: the instance running a rebuild at once, the others when they
 * next {@link #refresh()} (every {@code radar.analytics.generation-refresh}).
 */
@Service
public class ReadModels {

    private static final Logger log = LoggerFactory.getLogger(ReadModels.class);

    private record Current(long version, ReadModel active, ReadModel building) {}

    private final ReadModelStores stores;
    private final GenerationRegistry registry;
    private final ModelCatalogue models;
    private final ZoneId groupZone;
    private final FlushBatching batching;
    private final long cellCacheRows;
    private final AtomicReference<Current> current;

    public ReadModels(ReadModelStores stores, GenerationRegistry registry, ModelCatalogue models, ZoneId groupZone,
            @Value("${radar.analytics.flush-timeout:30s}") Duration flushTimeout,
            @Value("${radar.analytics.flush-chunk:100}") int flushChunk,
            @Value("${radar.analytics.flush-round:20}") int flushRound,
            @Value("${radar.analytics.cell-cache-rows:50000}") long cellCacheRows) {
        this.stores = stores;
        this.registry = registry;
        this.models = models;
        this.groupZone = groupZone;
        this.batching = new FlushBatching(flushChunk, flushRound, flushTimeout);
        this.cellCacheRows = cellCacheRows;
        this.current = new AtomicReference<>(new Current(-1, open(stores.firstGeneration()), null));
    }

    public ReadModel active() {
        return current.get().active();
    }

    public Optional<ReadModel> building() {
        return Optional.ofNullable(current.get().building());
    }

    /** A live event of radar.directory: into the active generation, and the building one if any. */
    public Mono<Void> applyDirectory(EventEnvelope event) {
        return applyLive(model -> model.applyDirectory(event));
    }

    /** A live event of radar.leads, radar.followups or radar.defeats, likewise. */
    public Mono<Void> applyLeadEvent(EventEnvelope event) {
        return applyLive(model -> model.applyLeadEvent(event));
    }

    private Mono<Void> applyLive(Function<ReadModel, Mono<Void>> apply) {
        Current now = current.get();
        Mono<Void> live = apply.apply(now.active());
        if (now.building() == null) {
            return live;
        }
        return live.then(apply.apply(now.building()).onErrorResume(e -> {
            log.debug("a live event did not reach generation {} being built; its replay brings it", now.building().generation(), e);
            return Mono.empty();
        }));
    }

    /** Reads the registry and follows it. */
    public Mono<Void> refresh() {
        return registry.read().doOnNext(this::follow).then();
    }

    /**
     * Serves and feeds the generations {@code state} names, keeping the ones this instance already has
     * (with their pending dealer-days); an older state than the one followed is ignored.
     */
    public synchronized void follow(GenerationState state) {
        Current now = current.get();
        if (state.version() <= now.version()) {
            return;
        }
        ReadModel active = reuse(state.active(), now);
        ReadModel building = state.building() == null ? null : reuse(state.building(), now);
        current.set(new Current(state.version(), active, building));
        if (!active.generation().equals(now.active().generation())) {
            log.info("read model generation {} serves now (was {})", active.generation(), now.active().generation());
        }
    }

    private ReadModel reuse(String generation, Current now) {
        if (now.active().generation().equals(generation)) {
            return now.active();
        }
        if (now.building() != null && now.building().generation().equals(generation)) {
            return now.building();
        }
        return open(generation);
    }

    private ReadModel open(String generation) {
        return new ReadModel(generation, stores.open(generation), models, groupZone, batching, cellCacheRows);
    }
}
