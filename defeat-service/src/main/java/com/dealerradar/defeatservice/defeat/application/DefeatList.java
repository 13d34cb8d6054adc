package com.dealerradar.defeatservice.defeat.application;

/** One list of defeats: a dealer's, a region's, or (both null) the whole group's. */
public record DefeatList(String dealerId, String region) {

    public static DefeatList dealer(String dealerId) {
        return new DefeatList(dealerId, null);
    }

    public static DefeatList region(String region) {
        return new DefeatList(null, region);
    }

    public static DefeatList group() {
        return new DefeatList(null, null);
    }
}
