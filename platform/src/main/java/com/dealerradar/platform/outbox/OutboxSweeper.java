package com.dealerradar.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Periodically publishes outbox events that the immediate relay could not (crash, broker away),
 * found through their {@link OutboxMarkers}. A full pass is followed by another, a bounded number of
 * times, so that a backlog drains without waiting for the next interval.
 */
public class OutboxSweeper {

    private static final Logger log = LoggerFactory.getLogger(OutboxSweeper.class);
    private static final int BATCH = 500;
    private static final int MAX_PASSES = 10;
    /** Markers younger than this belong to writes whose own publication is still under way. */
    private static final Duration QUIET = Duration.ofSeconds(1);

    private final OutboxRelay relay;
    private final List<String> collections;
    private final Map<String, AtomicLong> backlogAgeSeconds = new ConcurrentHashMap<>();

    /** Registers {@code radar.outbox.backlog.age} per collection: how long the oldest unpublished event has waited, at the last sweep. */
    public OutboxSweeper(OutboxRelay relay, List<String> collections, MeterRegistry meters) {
        this.relay = relay;
        this.collections = List.copyOf(collections);
        for (String collection : this.collections) {
            AtomicLong age = new AtomicLong();
            backlogAgeSeconds.put(collection, age);
            Gauge.builder("radar.outbox.backlog.age", age, AtomicLong::get).baseUnit("seconds")
                    .description("how long the oldest event not yet published has waited, at the last sweep")
                    .tag("collection", collection).register(meters);
        }
    }

    /** Adopts the events written before pending-outbox markers existed, so that the sweep finds them. */
    @EventListener(ApplicationReadyEvent.class)
    public void adoptUnmarked() {
        for (String collection : collections) {
            try {
                Integer adopted = relay.adoptUnmarked(collection).block();
                if (adopted != null && adopted > 0) {
                    log.info("outbox: marked {} aggregate(s) of {} written before markers", adopted, collection);
                }
            } catch (RuntimeException e) {
                log.warn("outbox: could not look for unmarked aggregates of {}: {}", collection, e.getMessage());
            }
        }
    }

    /**
     * One instance sweeps at a time. A holder that dies leaves the lease to run out after a minute, and
     * the next instance's sweep takes over; a sweep slower than that (a broker away for long) may be
     * joined by another instance's, which at worst publishes an event twice, and consumers dedupe.
     */
    @Scheduled(fixedDelayString = "${radar.outbox.sweep-interval:2s}", initialDelayString = "${radar.outbox.sweep-interval:2s}")
    @SchedulerLock(name = "outbox-sweep", lockAtMostFor = "1m")
    public void sweep() {
        for (String collection : collections) {
            try {
                sweep(collection);
            } catch (RuntimeException e) {
                log.info("outbox sweep of {} deferred: {}", collection, e.getMessage());
            }
        }
    }

    private void sweep(String collection) {
        drain(collection);
        Instant oldest = relay.oldestPending(collection, QUIET).block();
        backlogAgeSeconds.get(collection).set(oldest == null ? 0 : Duration.between(oldest, Instant.now()).toSeconds());
    }

    private void drain(String collection) {
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            OutboxRelay.Sweep done = relay.sweep(collection, QUIET, BATCH).block();
            if (done == null) {
                return;
            }
            if (done.events() > 0) {
                log.info("outbox sweep published {} event(s) from {}", done.events(), collection);
            }
            if (done.aggregates() < BATCH) {
                return;
            }
        }
    }
}
