package com.dealerradar.analytics.query.application;

/** One dealer, one region, or (both null) the whole group. */
public record ScopeFilter(String dealerId, String region) {

    public static final ScopeFilter GROUP = new ScopeFilter(null, null);
}
