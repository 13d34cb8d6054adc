package com.dealerradar.followupservice.schedule.application;

import com.dealerradar.followupservice.dealerview.application.DealerRegions;
import com.dealerradar.followupservice.leadview.domain.LeadScope;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.Role;
import com.dealerradar.platform.problem.ApiProblem;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Turns {@code dealerId|region} of a list request into the leads it covers: without either, a DEALER
 * gets its dealer, a REGION_MANAGER its region, HQ and ADMIN the whole group; outside the caller's scope, 403.
 */
@Component
public class Scopes {

    private final DealerRegions dealers;

    public Scopes(DealerRegions dealers) {
        this.dealers = dealers;
    }

    public Mono<LeadScope> resolve(Caller caller, String dealerId, String region) {
        if (dealerId != null && region != null) {
            return Mono.error(ApiProblem.invalid("region", "give dealerId or region, not both"));
        }
        if (dealerId != null) {
            return forDealer(caller, dealerId);
        }
        if (region != null) {
            return caller.canReadRegion(region) ? Mono.just(LeadScope.region(region))
                    : Mono.error(ApiProblem.forbidden("this key may not read region " + region));
        }
        return Mono.just(switch (caller.role()) {
            case DEALER -> LeadScope.dealer(caller.dealerId());
            case REGION_MANAGER -> LeadScope.region(caller.region());
            case HQ, ADMIN -> LeadScope.group();
        });
    }

    private Mono<LeadScope> forDealer(Caller caller, String dealerId) {
        Mono<Boolean> allowed = caller.role() == Role.REGION_MANAGER
                ? dealers.regionOf(dealerId).map(region -> caller.canRead(dealerId, region)).defaultIfEmpty(false)
                : Mono.just(caller.canRead(dealerId, null));
        return allowed.flatMap(ok -> ok ? Mono.just(LeadScope.dealer(dealerId))
                : Mono.error(ApiProblem.forbidden("this key may not read dealer " + dealerId)));
    }
}
