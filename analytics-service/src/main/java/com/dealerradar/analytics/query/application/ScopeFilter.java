package com.dealerradar.analytics.query.application;

import org.springframework.data.mongodb.core.query.Criteria;

/** One dealer, one region, or (both null) the whole group. */
public record ScopeFilter(String dealerId, String region) {

    public static final ScopeFilter GROUP = new ScopeFilter(null, null);

    public Criteria criteria() {
        if (dealerId != null) {
            return Criteria.where("dealerId").is(dealerId);
        }
        if (region != null) {
            return Criteria.where("region").is(region);
        }
        return new Criteria();
    }
}
