package com.dealerradar.gateway.auth;

import com.dealerradar.gateway.key.RevocationEpoch;
import com.dealerradar.gateway.key.RevocationEpochStore;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads the revocation epoch every {@code revocation-poll}, so that this instance learns of keys
 * revoked through any other. One read by id a few times a second per instance, whatever the traffic.
 * A read that fails is only logged: the epoch then ages and cached keys stop being believed.
 */
@Component
class RevocationPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RevocationPoller.class);

    /**
     * Reads start on schedule even while earlier ones are slow, so that a busy store delays what the
     * instance knows by one read's latency, not by a queue of them; a read older than the trust
     * window is abandoned, which bounds how many are in flight.
     */
    private static final int READS_IN_FLIGHT = 8;

    private final RevocationEpochStore store;
    private final RevocationEpoch epoch;
    private final KeyCacheProperties properties;
    private volatile Disposable polling;
    private volatile boolean failing;

    RevocationPoller(RevocationEpochStore store, RevocationEpoch epoch, KeyCacheProperties properties) {
        this.store = store;
        this.epoch = epoch;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (polling == null) {
            polling = Flux.interval(Duration.ZERO, properties.revocationPoll())
                    .onBackpressureDrop()
                    .flatMap(tick -> readOnce(), READS_IN_FLIGHT)
                    .subscribe();
        }
    }

    private Mono<Void> readOnce() {
        long startedAt = epoch.now();
        return store.read()
                .timeout(properties.revocationTrust())
                .doOnNext(value -> {
                    epoch.observed(value, startedAt);
                    failing = false;
                })
                .doOnError(this::reportOnce)
                .onErrorComplete()
                .then();
    }

    private void reportOnce(Throwable e) {
        if (!failing) {
            failing = true;
            log.warn("cannot read the API key revocation epoch; keys are checked in the store until it can: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (polling != null) {
            polling.dispose();
            polling = null;
        }
    }

    @Override
    public boolean isRunning() {
        return polling != null;
    }
}
