package com.dealerradar.platform.directory;

import com.dealerradar.events.directory.DealerRegistered;
import reactor.core.publisher.Mono;

/**
 * A service's own copy of lead-service's dealer directory, as {@code radar.directory} last said: each
 * dealer's region and brand. Services that scope reads by region or name a dealer's model catalogue keep
 * one, filled by {@link DirectoryProjection}.
 */
public interface DealerDirectory {

    String UNKNOWN_BRAND = "UNKNOWN";

    /** Keeps {@code dealer} unless a version at least as new is kept already. */
    Mono<Void> replaceIfNewer(DealerRegistered dealer, long version);

    /** The brand a dealer sells, which names its model catalogue; {@link #UNKNOWN_BRAND} before the dealer is known. */
    Mono<String> brandOf(String dealerId);

    /** The dealer's region; empty before the dealer is known. */
    Mono<String> regionOf(String dealerId);
}
