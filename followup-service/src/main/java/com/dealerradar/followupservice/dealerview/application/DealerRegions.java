package com.dealerradar.followupservice.dealerview.application;

import reactor.core.publisher.Mono;

/** Which region each dealer is in, as radar.directory last said, so that a regional manager's dealer lists can be scoped. */
public interface DealerRegions {

    /** Keeps {@code region} for the dealer unless a version at least as new is kept already. */
    Mono<Void> replaceIfNewer(String dealerId, String region, long version);

    Mono<String> regionOf(String dealerId);
}
