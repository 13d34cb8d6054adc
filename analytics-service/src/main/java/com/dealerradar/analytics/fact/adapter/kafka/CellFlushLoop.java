package com.dealerradar.analytics.fact.adapter.kafka;

import com.dealerradar.analytics.fact.application.CellRefresher;
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
 * instances left, starting with the ones found at startup.
 */
@Component
class CellFlushLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CellFlushLoop.class);

    private final CellRefresher refresher;
    private final Duration interval;
    private final Duration sweep;
    private volatile Disposable running;

    CellFlushLoop(CellRefresher refresher,
            @Value("${radar.analytics.flush-interval:100ms}") Duration interval,
            @Value("${radar.analytics.marker-sweep-interval:5s}") Duration sweep) {
        this.refresher = refresher;
        this.interval = interval;
        this.sweep = sweep;
    }

    @Override
    public void start() {
        long sweepEvery = Math.max(1, sweep.toMillis() / interval.toMillis());
        running = Flux.interval(Duration.ZERO, interval, Schedulers.newSingle("cell-flush", true))
                .onBackpressureDrop()
                .concatMap(tick -> (tick % sweepEvery == 0 ? refresher.adoptMarkers().then() : Mono.<Void>empty())
                        .then(refresher.hasPending() ? refresher.flush() : Mono.just(0L))
                        .onErrorResume(e -> {
                            log.warn("cell flush failed, the dirty dealer-days stay pending: {}", e.toString());
                            return Mono.just(0L);
                        }), 1)
                .subscribe();
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
