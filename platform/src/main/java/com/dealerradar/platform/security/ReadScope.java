package com.dealerradar.platform.security;

/** What a read covers: one dealer's data, one region's, or (both null) the whole group's. */
public record ReadScope(String dealerId, String region) {

    public static final ReadScope GROUP = new ReadScope(null, null);

    public static ReadScope dealer(String dealerId) {
        return new ReadScope(dealerId, null);
    }

    public static ReadScope region(String region) {
        return new ReadScope(null, region);
    }
}
