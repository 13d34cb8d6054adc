package com.dealerradar.analytics.fact.adapter.kafka;

import com.dealerradar.analytics.fact.application.CellRefresher;
import com.dealerradar.analytics.generation.application.ReadModels;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Flushes the pending dealer-days a short moment after the consumer marked them (a debounce: a burst
 * of events costs one recompute per cell), and now and then takes up the markers other or stopped
 * instances left, starting with the ones found at startup. While dealer-days keep coming, the regions' and
 * group's cells follow at least every {@code upper-flush-interval} ({@link CellRefresher#flushDealersFirst}).
 * Always those of the generation that serves now: a rebuild flushes the generation it builds itself. {@code radar.analytics.flush} times the flushes
 * that had dealer-days to recompute: with the wait for the next tick, the part of analytics' lag after
 * an event's fact is written. {@code radar.analytics.flush.pending} counts the work waiting.
 */
@Component
class CellFlushLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CellFlushLoop.class);

    private final ReadModels models;
    private final Duration interval;
    private final Duration sweep;
    private final Duration upperEvery;
    private final Timer flushes;
    private volatile Disposable running;

    CellFlushLoop(ReadModels models, MeterRegistry meters,
            @Value("${radar.analytics.flush-interval:100ms}") Duration interval,
            @Value("${radar.analytics.marker-sweep-interval:5s}") Duration sweep,
            @Value("${radar.analytics.upper-flush-interval:1s}") Duration upperEvery) {
        this.models = models;
        this.interval = interval;
        this.sweep = sweep;
        this.upperEvery = upperEvery;
        this.flushes = Timer.builder("radar.analytics.flush")
                .description("a flush of the pending dealer-days: their cells and every cell above them recomputed")
                .publishPercentiles(0.5, 0.99).register(meters);
        Gauge.builder("radar.analytics.flush.pending", models, m -> m.active().refresher().pendingWork())
                .description("dealer-days, and regions' and group's cells, waiting for a flush").register(meters);
    }

    @Override
    public void start() {
        long sweepEvery = Math.max(1, sweep.toMillis() / interval.toMillis());
        running = Flux.interval(Duration.ZERO, interval, Schedulers.newSingle("cell-flush", true))
                .onBackpressureDrop()
                .concatMap(tick -> flush(models.active().refresher(), tick % sweepEvery == 0)
                        .onErrorResume(e -> {
                            log.warn("cell flush failed, the dirty dealer-days stay pending: {}", e.toString());
                            return Mono.just(0L);
                        }), 1)
                .subscribe();
    }

    private Mono<Long> flush(CellRefresher refresher, boolean sweep) {
        return (sweep ? refresher.adoptMarkers().then() : Mono.<Void>empty()).then(Mono.defer(() -> {
            if (!refresher.hasPending()) {
                return Mono.just(0L);
            }
            Timer.Sample started = Timer.start();
            return refresher.flushDealersFirst(upperEvery).doOnSuccess(written -> started.stop(flushes));
        }));
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
