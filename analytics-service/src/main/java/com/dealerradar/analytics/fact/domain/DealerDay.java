package com.dealerradar.analytics.fact.domain;

/** A dealer's day of captures: the unit a change of the facts makes dirty, and the bottom of every cell's sum. */
public record DealerDay(String dealerId, String region, String day) {

    public static DealerDay of(GroupKey group) {
        return new DealerDay(group.dealerId(), group.region(), group.day());
    }

    public String id() {
        return dealerId + "|" + day;
    }
}
