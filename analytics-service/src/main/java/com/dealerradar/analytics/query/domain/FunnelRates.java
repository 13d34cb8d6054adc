package com.dealerradar.analytics.query.domain;

/**
 * Keep = kept / traffic, Follow = followed / kept, Convert = followed leads won / followed, close =
 * won / traffic. Close = Keep × Follow × Convert holds exactly when every won lead was followed; a
 * deal with no recorded follow-up counts in close but not in Convert, which stays a share (≤ 1).
 */
public record FunnelRates(Double keepRate, Double followRate, Double convertRate, Double closeRate) {

    public static FunnelRates of(long traffic, long kept, long followed, long followedWon, long won) {
        return new FunnelRates(Rates.of(kept, traffic), Rates.of(followed, kept), Rates.of(followedWon, followed),
                Rates.of(won, traffic));
    }
}
