package com.dealerradar.analytics.query.application;

import com.dealerradar.analytics.dealerview.application.DealerDirectory;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.problem.ApiProblem;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Which leads an analytics read covers: one dealer, one region, or the whole group. A DEALER or
 * REGION_MANAGER that names no scope gets its own; asking outside it is 403.
 */
@Component
public class Scope {

    private final DealerDirectory directory;

    public Scope(DealerDirectory directory) {
        this.directory = directory;
    }

    public Mono<ScopeFilter> resolve(Caller caller, String dealerId, String region) {
        if (dealerId != null && region != null) {
            return Mono.error(ApiProblem.invalid("region", "give either dealerId or region, not both"));
        }
        if (dealerId != null) {
            return directory.regionOf(dealerId)
                    .defaultIfEmpty("")
                    .flatMap(dealerRegion -> caller.canRead(dealerId, dealerRegion)
                            ? Mono.just(new ScopeFilter(dealerId, null))
                            : Mono.error(ApiProblem.forbidden("dealer " + dealerId + " is outside this key's scope")));
        }
        if (region != null) {
            return caller.canReadRegion(region)
                    ? Mono.just(new ScopeFilter(null, region))
                    : Mono.error(ApiProblem.forbidden("region " + region + " is outside this key's scope"));
        }
        return switch (caller.role()) {
            case ADMIN, HQ -> Mono.just(ScopeFilter.GROUP);
            case REGION_MANAGER -> Mono.just(new ScopeFilter(null, caller.region()));
            case DEALER -> Mono.just(new ScopeFilter(caller.dealerId(), null));
        };
    }
}
