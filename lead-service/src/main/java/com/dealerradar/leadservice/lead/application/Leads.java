package com.dealerradar.leadservice.lead.application;

import com.dealerradar.leadservice.lead.domain.Lead;
import com.dealerradar.platform.outbox.OutboxEvent;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The stored leads, each written together with the events of its change. */
public interface Leads {

    /** Stores a new lead with its events; completes with false when its id, or its dealer's {@code externalRef}, is taken. */
    Mono<Boolean> insert(Lead lead, List<OutboxEvent> events);

    /**
     * Stores many new leads at once, {@code events.get(i)} with {@code leads.get(i)}; a taken id or
     * {@code externalRef} keeps out only its own lead. Completes with the positions of the leads kept out.
     */
    Mono<Set<Integer>> insertAll(List<Lead> leads, List<OutboxEvent> events);

    /**
     * Writes {@code after} with its events, only while the stored lead is still at {@code expectedVersion}.
     * Completes with false when someone else changed the lead meanwhile.
     */
    Mono<Boolean> update(Lead after, long expectedVersion, List<OutboxEvent> events);

    Mono<Lead> find(String leadId);

    /** The lead stored under the dealer's {@code externalRef}: for leads stored before their id was derived from it. */
    Mono<Lead> findByExternalRef(String dealerId, String externalRef);

    /** The stored leads among these ids. */
    Flux<Lead> findAll(Collection<String> leadIds);

    /** Leads still open (or at risk) with one of these phone hashes, oldest first: duplicate candidates. */
    Flux<Lead> findOpenByPhoneHashes(Collection<String> phoneHashes);

    /** The selected leads, newest first, from {@code skip} on. */
    Flux<Lead> list(LeadSelection selection, long skip, int limit);

    Mono<Long> count(LeadSelection selection);
}
