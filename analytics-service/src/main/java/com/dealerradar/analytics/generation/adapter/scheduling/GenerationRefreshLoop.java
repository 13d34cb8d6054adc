package com.dealerradar.analytics.generation.adapter.scheduling;

import com.dealerradar.analytics.generation.application.ReadModels;
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
 * Follows the generation registry: once before the listeners and the web server start (so that the
 * first event and the first query already go to the generation that serves), then every
 * {@code radar.analytics.generation-refresh} (1 s), which bounds how long another instance's switch
 * takes to reach this one.
 */
@Component
class GenerationRefreshLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GenerationRefreshLoop.class);
    private static final Duration FIRST_READ = Duration.ofSeconds(30);

    private final ReadModels models;
    private final Duration interval;
    private volatile Disposable running;

    GenerationRefreshLoop(ReadModels models, @Value("${radar.analytics.generation-refresh:1s}") Duration interval) {
        this.models = models;
        this.interval = interval;
    }

    @Override
    public void start() {
        models.refresh().block(FIRST_READ);
        running = Flux.interval(interval, interval, Schedulers.newSingle("generation-refresh", true))
                .onBackpressureDrop()
                .concatMap(tick -> models.refresh().onErrorResume(e -> {
                    log.warn("could not read the read model's generation, keeping the one followed: {}", e.toString());
                    return Mono.empty();
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

    /** Before the Kafka listener containers and the web server. */
    @Override
    public int getPhase() {
        return 0;
    }
}
