package com.dealerradar.followupservice.leadview.domain;

/** Which leads a list covers: one dealer's, one region's, or (both null) the whole group's. */
public record LeadScope(String dealerId, String region) {

    public static LeadScope group() {
        return new LeadScope(null, null);
    }

    public static LeadScope dealer(String dealerId) {
        return new LeadScope(dealerId, null);
    }

    public static LeadScope region(String region) {
        return new LeadScope(null, region);
    }
}
