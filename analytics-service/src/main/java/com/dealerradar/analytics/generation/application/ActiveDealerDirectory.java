package com.dealerradar.analytics.generation.application;

import com.dealerradar.events.directory.DealerRegistered;
import com.dealerradar.platform.directory.DealerDirectory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The directory copy of whichever generation serves now, for the queries' scopes and spend. */
@Component
class ActiveDealerDirectory implements DealerDirectory {

    private final ReadModels models;

    ActiveDealerDirectory(ReadModels models) {
        this.models = models;
    }

    @Override
    public Mono<Void> replaceIfNewer(DealerRegistered dealer, long version) {
        return models.active().directory().replaceIfNewer(dealer, version);
    }

    @Override
    public Mono<String> brandOf(String dealerId) {
        return Mono.defer(() -> models.active().directory().brandOf(dealerId));
    }

    @Override
    public Mono<String> regionOf(String dealerId) {
        return Mono.defer(() -> models.active().directory().regionOf(dealerId));
    }
}
