package com.dealerradar.analytics.query.domain;

/**
 * Keep = kept / traffic, Follow = followed / kept, Convert = won / followed, close = won / traffic.
 * Convert counts every won lead of the cohort, so that close = Keep × Follow × Convert holds exactly.
 */
public record FunnelRates(Double keepRate, Double followRate, Double convertRate, Double closeRate) {

    public static FunnelRates of(long traffic, long kept, long followed, long won) {
        return new FunnelRates(Rates.of(kept, traffic), Rates.of(followed, kept), Rates.of(won, followed),
                Rates.of(won, traffic));
    }
}
