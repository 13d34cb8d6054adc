package com.dealerradar.analytics.query.domain;

/** P(X ≤ k) for X ~ Poisson(λ), summed in log space so that a large λ does not underflow. */
public final class PoissonTail {

    private PoissonTail() {}

    public static double atMost(long k, double lambda) {
        if (lambda < 0 || k < 0) {
            throw new IllegalArgumentException("k and lambda must not be negative");
        }
        if (lambda == 0) {
            return 1;
        }
        double logLambda = Math.log(lambda);
        double logTerm = -lambda;
        double maxLog = logTerm;
        double[] logs = new double[(int) k + 1];
        logs[0] = logTerm;
        for (int i = 1; i <= k; i++) {
            logTerm += logLambda - Math.log(i);
            logs[i] = logTerm;
            maxLog = Math.max(maxLog, logTerm);
        }
        double sum = 0;
        for (double log : logs) {
            sum += Math.exp(log - maxLog);
        }
        return Math.min(1, Math.exp(maxLog + Math.log(sum)));
    }
}
