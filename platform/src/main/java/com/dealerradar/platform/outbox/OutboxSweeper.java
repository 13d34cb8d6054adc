package com.dealerradar.platform.outbox;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** Periodically publishes outbox events that the immediate relay could not (crash, broker away). */
public class OutboxSweeper {

    private static final Logger log = LoggerFactory.getLogger(OutboxSweeper.class);
    private static final int BATCH = 500;

    private final OutboxRelay relay;
    private final List<String> collections;

    public OutboxSweeper(OutboxRelay relay, List<String> collections) {
        this.relay = relay;
        this.collections = List.copyOf(collections);
    }

    @Scheduled(fixedDelayString = "${radar.outbox.sweep-interval:2s}", initialDelayString = "${radar.outbox.sweep-interval:2s}")
    public void sweep() {
        for (String collection : collections) {
            try {
                Integer sent = relay.sweep(collection, BATCH).block();
                if (sent != null && sent > 0) {
                    log.info("outbox sweep published {} event(s) from {}", sent, collection);
                }
            } catch (RuntimeException e) {
                log.info("outbox sweep of {} deferred: {}", collection, e.getMessage());
            }
        }
    }
}
