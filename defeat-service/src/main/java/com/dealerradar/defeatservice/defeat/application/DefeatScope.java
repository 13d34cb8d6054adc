package com.dealerradar.defeatservice.defeat.application;

import com.dealerradar.defeatservice.leadview.application.KnownLeads;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.Role;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Which defeats a list covers: the named dealer and/or region, or without either the caller's own
 * scope (its dealer, its region, or the whole group for HQ and ADMIN). Naming one outside it is 403.
 */
@Component
class DefeatScope {

    private final KnownLeads leads;

    DefeatScope(KnownLeads leads) {
        this.leads = leads;
    }

    /**
     * The list a request covers: the named dealer's, the named or own region's, the own dealer's or
     * the group's. Empty when the named dealer lies outside the named or own region.
     */
    Mono<Optional<DefeatList>> list(Caller caller, String dealerId, String region) {
        if (region != null && !caller.canReadRegion(region)) {
            return Mono.error(ApiProblem.forbidden("region " + region + " is outside this key's scope"));
        }
        String wantedRegion = region != null ? region : caller.role() == Role.REGION_MANAGER ? caller.region() : null;
        if (dealerId == null) {
            return Mono.just(Optional.of(switch (caller.role()) {
                case DEALER -> DefeatList.dealer(caller.dealerId());
                case REGION_MANAGER, ADMIN, HQ -> wantedRegion != null ? DefeatList.region(wantedRegion)
                        : DefeatList.group();
            }));
        }
        return dealerInScope(caller, dealerId).flatMap(inScope -> {
            if (!inScope) {
                return Mono.error(ApiProblem.forbidden("dealer " + dealerId + " is outside this key's scope"));
            }
            if (wantedRegion == null) {
                return Mono.just(Optional.of(DefeatList.dealer(dealerId)));
            }
            return leads.regionOfDealer(dealerId)
                    .map(dealerRegion -> dealerRegion.equals(wantedRegion)
                            ? Optional.of(DefeatList.dealer(dealerId)) : Optional.<DefeatList>empty())
                    .defaultIfEmpty(Optional.of(DefeatList.dealer(dealerId)));
        });
    }

    // A dealer none of whose leads is known yet has no defeats either; the region filter keeps that list empty.
    private Mono<Boolean> dealerInScope(Caller caller, String dealerId) {
        if (caller.role() != Role.REGION_MANAGER) {
            return Mono.just(caller.canRead(dealerId, null));
        }
        return leads.regionOfDealer(dealerId)
                .map(dealerRegion -> caller.canRead(dealerId, dealerRegion))
                .defaultIfEmpty(true);
    }
}
