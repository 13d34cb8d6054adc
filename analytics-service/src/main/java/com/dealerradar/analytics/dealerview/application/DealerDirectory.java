package com.dealerradar.analytics.dealerview.application;

import com.dealerradar.events.directory.DealerRegistered;
import reactor.core.publisher.Mono;

/** analytics-service's own copy of the directory, as radar.directory last said: a dealer's region and brand. */
public interface DealerDirectory {

    String UNKNOWN_BRAND = "UNKNOWN";

    /** Keeps {@code dealer} unless a version at least as new is kept already. */
    Mono<Void> replaceIfNewer(DealerRegistered dealer, long version);

    /** The brand a dealer sells, which names its model catalogue; {@link #UNKNOWN_BRAND} before the dealer is known. */
    Mono<String> brandOf(String dealerId);

    Mono<String> regionOf(String dealerId);
}
