package com.dealerradar.analytics.query.domain;

import com.dealerradar.analytics.fact.domain.RollupSum;

import java.util.Locale;

/** A dealer benchmark's metric: successes over trials of a funnel stage. */
public enum BenchmarkMetric {
    CLOSE_RATE, KEEP_RATE, FOLLOW_RATE, CONVERT_RATE;

    public static BenchmarkMetric parse(String name) {
        return switch (name) {
            case "closeRate" -> CLOSE_RATE;
            case "keepRate" -> KEEP_RATE;
            case "followRate" -> FOLLOW_RATE;
            case "convertRate" -> CONVERT_RATE;
            default -> throw new IllegalArgumentException(name.toLowerCase(Locale.ROOT));
        };
    }

    public long successes(RollupSum s) {
        return switch (this) {
            case CLOSE_RATE -> s.won();
            case CONVERT_RATE -> s.followedWon();
            case KEEP_RATE -> s.kept();
            case FOLLOW_RATE -> s.followed();
        };
    }

    public long trials(RollupSum s) {
        return switch (this) {
            case CLOSE_RATE, KEEP_RATE -> s.traffic();
            case FOLLOW_RATE -> s.kept();
            case CONVERT_RATE -> s.followed();
        };
    }
}
