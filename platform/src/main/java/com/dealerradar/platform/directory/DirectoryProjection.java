package com.dealerradar.platform.directory;

import com.dealerradar.events.EventEnvelope;
import com.dealerradar.events.EventJson;
import com.dealerradar.events.directory.DealerRegistered;
import reactor.core.publisher.Mono;

/** Keeps a directory copy in step with radar.directory, live or replayed; a stale or repeated event changes nothing. */
public class DirectoryProjection {

    private final DealerDirectory directory;

    public DirectoryProjection(DealerDirectory directory) {
        this.directory = directory;
    }

    public Mono<Void> apply(EventEnvelope event) {
        return directory.replaceIfNewer(EventJson.read(event.data(), DealerRegistered.class), event.sequence());
    }
}
