package com.dealerradar.analytics.query.application;

import com.dealerradar.analytics.fact.adapter.mongo.RollupStore;
import com.dealerradar.platform.security.Caller;
import org.bson.Document;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The lead structure of a cohort, summed from rollups (their number grows with groups, not leads). */
@Service
public class StructureQuery {

    private final Scope scope;
    private final RollupStore rollups;

    public StructureQuery(Scope scope, RollupStore rollups) {
        this.scope = scope;
        this.rollups = rollups;
    }

    public Mono<LeadStructure> structure(Caller caller, String dealerId, String region, Cohort cohort) {
        return scope.resolve(caller, dealerId, region)
                .flatMap(criteria -> rollups.find(cohort.narrow(criteria))
                        .reduce(new LeadStructure(0, 0, 0, 0, 0, 0), StructureQuery::add));
    }

    private static LeadStructure add(LeadStructure sum, Document rollup) {
        return new LeadStructure(
                sum.captured() + count(rollup, "captured"),
                sum.invalid() + count(rollup, "invalid"),
                sum.won() + count(rollup, "won"),
                sum.atRisk() + count(rollup, "atRisk"),
                sum.defeatedConfirmed() + count(rollup, "defeatedConfirmed"),
                sum.pendingDefeats() + count(rollup, "pendingDefeats"));
    }

    private static long count(Document rollup, String field) {
        Object value = rollup.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
