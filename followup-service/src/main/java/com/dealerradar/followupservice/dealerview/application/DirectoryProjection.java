package com.dealerradar.followupservice.dealerview.application;

import com.dealerradar.events.EventEnvelope;
import com.dealerradar.events.EventJson;
import com.dealerradar.events.directory.DealerRegistered;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Keeps the dealers' regions in step with radar.directory; a stale or repeated event changes nothing. */
@Service
public class DirectoryProjection {

    private final DealerRegions regions;

    public DirectoryProjection(DealerRegions regions) {
        this.regions = regions;
    }

    public Mono<Void> apply(EventEnvelope event) {
        DealerRegistered dealer = EventJson.read(event.data(), DealerRegistered.class);
        return regions.replaceIfNewer(dealer.dealerId(), dealer.region(), event.sequence());
    }
}
