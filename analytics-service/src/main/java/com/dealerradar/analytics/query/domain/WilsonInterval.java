package com.dealerradar.analytics.query.domain;

/** The Wilson score interval of a proportion: sound for small samples and for proportions near 0 or 1. */
public record WilsonInterval(double low, double high) {

    public static final double Z_95 = 1.959963984540054;

    public static WilsonInterval of(long successes, long trials, double z) {
        if (trials <= 0) {
            throw new IllegalArgumentException("no trials");
        }
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double centre = p + z2 / (2 * n);
        double spread = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        double denominator = 1 + z2 / n;
        return new WilsonInterval(Math.max(0, (centre - spread) / denominator), Math.min(1, (centre + spread) / denominator));
    }

    public static WilsonInterval of95(long successes, long trials) {
        return of(successes, trials, Z_95);
    }
}
