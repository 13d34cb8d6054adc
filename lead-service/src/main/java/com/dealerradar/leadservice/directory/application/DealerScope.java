package com.dealerradar.leadservice.directory.application;

/** Which dealers a caller sees: one region's, one dealer, or (both null) the whole group. */
public record DealerScope(String region, String dealerId) {

    public static DealerScope group() {
        return new DealerScope(null, null);
    }

    public static DealerScope region(String region) {
        return new DealerScope(region, null);
    }

    public static DealerScope dealer(String dealerId) {
        return new DealerScope(null, dealerId);
    }
}
