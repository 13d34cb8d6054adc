package com.dealerradar.analytics.fact.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The dimensions a rollup is kept by. Every fact belongs to exactly one group for life (its
 * capture-time attributes), so a rollup is a pure function of the facts in its group.
 */
public record GroupKey(String day, String dealerId, String region, String channel, String industry, String model,
        String consultant) {

    public static final String[] FIELDS = {"day", "dealerId", "region", "channel", "industry", "model", "consultant"};

    public String id() {
        return String.join("|", day, dealerId, Objects.toString(region, ""), Objects.toString(channel, ""),
                Objects.toString(industry, ""), Objects.toString(model, ""), Objects.toString(consultant, ""));
    }

    /** The same group on another day, or in a month ({@code YYYY-MM}) for a month's rollup. */
    public GroupKey withDay(String otherDay) {
        return new GroupKey(otherDay, dealerId, region, channel, industry, model, consultant);
    }

    /** The same group seen from a region's cell, which names its region. */
    public GroupKey withRegion(String otherRegion) {
        return new GroupKey(day, dealerId, otherRegion, channel, industry, model, consultant);
    }

    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("day", day);
        map.put("dealerId", dealerId);
        map.put("region", region);
        map.put("channel", channel);
        map.put("industry", industry);
        map.put("model", model);
        map.put("consultant", consultant);
        return map;
    }
}
