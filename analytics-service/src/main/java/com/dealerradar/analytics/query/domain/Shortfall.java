package com.dealerradar.analytics.query.domain;

import java.util.Optional;

/**
 * How far a region falls short on one value (an industry, a model) of what its peers predict.
 *
 * <p>The expectation for a region of R's size is R's leads × (the peers' deals for the value / the
 * peers' leads): the share of all their traffic that ends in a deal with that value, applied to R's
 * traffic. R's deals for the value are then taken as Poisson with that mean; the lower-tail
 * probability P(X ≤ actual) says how surprising R's shortfall is. A value is a missed prospect only
 * when the expectation is large enough to judge ({@link #MIN_EXPECTED}) and the shortfall is clear
 * (p below {@link #MAX_P}); its score is −log10 p, so that stronger evidence ranks first.
 */
public record Shortfall(double expectedWon, long actualWon, double pValue, double score) {

    public static final double MIN_EXPECTED = 3.0;
    public static final double MAX_P = 0.05;

    public static Optional<Shortfall> of(long regionLeads, long actualWon, long peerLeads, long peerWonForValue) {
        if (peerLeads == 0 || regionLeads == 0) {
            return Optional.empty();
        }
        double expected = regionLeads * ((double) peerWonForValue / peerLeads);
        if (expected < MIN_EXPECTED || actualWon >= expected) {
            return Optional.empty();
        }
        double p = PoissonTail.atMost(actualWon, expected);
        if (p >= MAX_P) {
            return Optional.empty();
        }
        return Optional.of(new Shortfall(expected, actualWon, p, -Math.log10(Math.max(p, Double.MIN_VALUE))));
    }
}
