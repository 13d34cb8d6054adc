package com.dealerradar.platform.time;

import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Waiting a moment for what another service's event is about to bring: a service that learns of leads
 * from radar.leads may be asked about a lead whose capture event is still on its way.
 */
public final class Eventually {

    private static final Duration POLL = Duration.ofMillis(100);

    private Eventually() {}

    /** Subscribes {@code find} again every 100 ms until it finds something; empty once {@code within} has passed. */
    public static <T> Mono<T> found(Mono<T> find, Duration within) {
        return find.repeatWhenEmpty(emptyRounds -> emptyRounds.concatMap(round -> Mono.delay(POLL)))
                .timeout(within, Mono.empty());
    }
}
