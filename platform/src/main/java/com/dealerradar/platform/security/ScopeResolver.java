package com.dealerradar.platform.security;

import com.dealerradar.platform.problem.ApiProblem;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Turns a read's {@code dealerId|region} parameters into what it covers. Without either, a DEALER gets
 * its dealer, a REGION_MANAGER its region, HQ and ADMIN the whole group. Naming both is 400; naming a
 * dealer or region outside the caller's scope is 403. A regional manager may read a dealer only once
 * the service's copy of the directory places it in the manager's region.
 */
public final class ScopeResolver {

    private final Function<String, Mono<String>> regionOfDealer;

    /** {@code regionOfDealer}: the region of a dealer in the service's copy of the directory, empty if unknown. */
    public ScopeResolver(Function<String, Mono<String>> regionOfDealer) {
        this.regionOfDealer = regionOfDealer;
    }

    public Mono<ReadScope> resolve(Caller caller, String dealerId, String region) {
        if (dealerId != null && region != null) {
            return Mono.error(ApiProblem.invalid("region", "give either dealerId or region, not both"));
        }
        if (dealerId != null) {
            return mayReadDealer(caller, dealerId).flatMap(allowed -> allowed ? Mono.just(ReadScope.dealer(dealerId))
                    : Mono.error(ApiProblem.forbidden("dealer " + dealerId + " is outside this key's scope")));
        }
        if (region != null) {
            return caller.canReadRegion(region) ? Mono.just(ReadScope.region(region))
                    : Mono.error(ApiProblem.forbidden("region " + region + " is outside this key's scope"));
        }
        return Mono.just(switch (caller.role()) {
            case ADMIN, HQ -> ReadScope.GROUP;
            case REGION_MANAGER -> ReadScope.region(caller.region());
            case DEALER -> ReadScope.dealer(caller.dealerId());
        });
    }

    private Mono<Boolean> mayReadDealer(Caller caller, String dealerId) {
        if (caller.role() != Role.REGION_MANAGER) {
            return Mono.just(caller.canRead(dealerId, null));
        }
        return Mono.defer(() -> regionOfDealer.apply(dealerId))
                .map(dealerRegion -> caller.canRead(dealerId, dealerRegion))
                .defaultIfEmpty(false);
    }
}
