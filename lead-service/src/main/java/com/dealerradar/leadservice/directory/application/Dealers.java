package com.dealerradar.leadservice.directory.application;

import com.dealerradar.leadservice.directory.domain.Dealer;
import com.dealerradar.platform.outbox.OutboxEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The dealers of the directory, as registering and reading them needs. */
public interface Dealers {

    /** Stores a new dealer with the event of its registration; completes with false when its id is taken. */
    Mono<Boolean> add(Dealer dealer, OutboxEvent registered);

    Mono<Dealer> find(String dealerId);

    /** A page of the dealers in {@code scope}, in the order of their ids. */
    Flux<Dealer> list(DealerScope scope, int page, int size);

    Mono<Long> count(DealerScope scope);
}
