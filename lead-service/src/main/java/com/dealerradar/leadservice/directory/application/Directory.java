package com.dealerradar.leadservice.directory.application;

import com.dealerradar.events.EventTypes;
import com.dealerradar.events.Topics;
import com.dealerradar.events.directory.DealerRegistered;
import com.dealerradar.leadservice.LeadServiceApplication;
import com.dealerradar.leadservice.directory.domain.Dealer;
import com.dealerradar.platform.outbox.OutboxEvent;
import com.dealerradar.platform.paging.PageOf;
import com.dealerradar.platform.paging.Paging;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.security.Caller;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Registering dealers and reading the directory within the caller's scope. */
@Service
public class Directory {

    private final Dealers dealers;
    private final Clock clock;

    public Directory(Dealers dealers, Clock clock) {
        this.dealers = dealers;
        this.clock = clock;
    }

    public Mono<Dealer> register(Caller caller, Dealer dealer) {
        if (!caller.isAdmin()) {
            return Mono.error(ApiProblem.forbidden("only ADMIN registers dealers"));
        }
        OutboxEvent registered = OutboxEvent.of(Topics.DIRECTORY, dealer.dealerId(),
                LeadServiceApplication.DIRECTORY_SOURCE, EventTypes.DEALER_REGISTERED, dealer.dealerId(),
                OffsetDateTime.now(clock), dealer.dealerId(), dealer.region(), 1,
                new DealerRegistered(dealer.dealerId(), dealer.name(), dealer.region(), dealer.brand()));
        return dealers.add(dealer, registered)
                .flatMap(added -> added ? Mono.just(dealer)
                        : Mono.error(ApiProblem.conflict("dealer " + dealer.dealerId() + " already exists")));
    }

    /** A dealer the caller may see; any other is "not found", so that ids cannot be probed. */
    public Mono<Dealer> get(Caller caller, String dealerId) {
        return dealers.find(dealerId)
                .filter(d -> caller.canRead(d.dealerId(), d.region()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("dealer " + dealerId)));
    }

    /** A dealer for the write side, without scoping: used to stamp a lead with its dealer's region. */
    public Mono<Dealer> find(String dealerId) {
        return dealers.find(dealerId);
    }

    public Mono<PageOf<Dealer>> list(Caller caller, Paging paging) {
        DealerScope scope = switch (caller.role()) {
            case ADMIN, HQ -> DealerScope.group();
            case REGION_MANAGER -> DealerScope.region(caller.region());
            case DEALER -> DealerScope.dealer(caller.dealerId());
        };
        return Mono.zip(dealers.list(scope, paging.page(), paging.size()).collectList(), dealers.count(scope))
                .map(t -> new PageOf<>(t.getT1(), paging.page(), paging.size(), t.getT2()));
    }
}
