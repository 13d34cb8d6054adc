package com.dealerradar.analytics.fact.domain;

/** Whose leads a cell counts: one dealer's, one region's, or the whole group's. */
public record CellScope(Level level, String name) {

    public enum Level { DEALER, REGION, GROUP }

    public static final CellScope GROUP = new CellScope(Level.GROUP, null);

    public static CellScope dealer(String dealerId) {
        return new CellScope(Level.DEALER, dealerId);
    }

    public static CellScope region(String region) {
        return new CellScope(Level.REGION, region == null ? "" : region);
    }

    public String id() {
        return switch (level) {
            case DEALER -> "D:" + name;
            case REGION -> "R:" + name;
            case GROUP -> "G";
        };
    }
}
