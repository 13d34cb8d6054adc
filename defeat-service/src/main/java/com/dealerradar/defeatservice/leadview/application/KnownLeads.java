package com.dealerradar.defeatservice.leadview.application;

import com.dealerradar.defeatservice.leadview.domain.KnownLead;
import com.dealerradar.defeatservice.leadview.domain.LeadStatus;
import reactor.core.publisher.Mono;

/** defeat-service's view of the leads, fed from radar.leads. */
public interface KnownLeads {

    /**
     * Applies a lead event's state unless a newer one was applied already, so that redelivered and
     * stale events are harmless. The marker of an open defeat is never touched here.
     */
    Mono<Void> apply(String leadId, String dealerId, String region, LeadStatus status, long version);

    /**
     * Learns of a lead from another service's event before its own events arrived: OPEN at version 0,
     * so that every event of the lead itself still applies over it.
     */
    Mono<Void> introduce(String leadId, String dealerId, String region);

    Mono<KnownLead> find(String leadId);

    /** The region of a dealer, as far as its leads tell. */
    Mono<String> regionOfDealer(String dealerId);
}
