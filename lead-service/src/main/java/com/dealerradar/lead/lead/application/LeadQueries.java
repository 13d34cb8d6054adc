package com.dealerradar.lead.lead.application;

import com.dealerradar.lead.lead.adapter.mongo.LeadStore;
import com.dealerradar.lead.lead.domain.Lead;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.web.ApiProblem;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Reading leads within the caller's scope. */
@Service
public class LeadQueries {

    private final LeadStore store;

    public LeadQueries(LeadStore store) {
        this.store = store;
    }

    /** A lead the caller may see; another dealer's lead is "not found", so that ids cannot be probed. */
    public Mono<Lead> get(Caller caller, String leadId) {
        return store.find(leadId)
                .filter(lead -> caller.canRead(lead.dealerId(), lead.region()))
                .switchIfEmpty(Mono.error(ApiProblem.notFound("lead " + leadId)));
    }
}
