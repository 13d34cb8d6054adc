package com.dealerradar.followupservice.leadview.application;

import com.dealerradar.followupservice.leadview.domain.TrackedLead;
import com.dealerradar.platform.outbox.OutboxEvent;
import java.util.Collection;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * followup-service's view of the leads, each carrying the radar.followups events about it until they
 * are published. Every write is conditional on the lead's {@code revision}, so concurrent writers
 * (listener, requests, detectors of several instances) never lose each other's changes and never
 * announce the same thing twice.
 */
public interface TrackedLeads {

    Mono<TrackedLead> find(String leadId);

    /** Starts keeping a newly captured lead; completes with false when the lead is known already. */
    Mono<Boolean> insert(TrackedLead lead);

    /**
     * Writes {@code next} together with {@code events}, which are then published, if the stored lead
     * is still at {@code expectedRevision}; completes with false when someone else wrote first.
     */
    Mono<Boolean> update(TrackedLead next, long expectedRevision, List<OutboxEvent> events);

    Flux<TrackedLead> findAll(Collection<String> leadIds);

    /** Ids of the open leads: only for the detector's one-time scheduling of leads stored before alerts existed. */
    Flux<String> openLeadIds();

    /** Ids of leads that may still be followed up and were planned under a cadence older than {@code revision}. */
    Flux<String> plannedBefore(long revision);
}
