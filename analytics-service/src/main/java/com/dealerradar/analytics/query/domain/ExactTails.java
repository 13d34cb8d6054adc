package com.dealerradar.analytics.query.domain;

/**
 * Lower tails of the two exact conditional tests the prospect radar uses, summed in log space so that
 * large counts neither overflow nor underflow.
 */
public final class ExactTails {

    private static final int TABLE = 4096;
    private static final double[] LOG_FACTORIAL = new double[TABLE];

    static {
        for (int i = 1; i < TABLE; i++) {
            LOG_FACTORIAL[i] = LOG_FACTORIAL[i - 1] + Math.log(i);
        }
    }

    private ExactTails() {}

    /** P(X ≤ k) for X ~ Binomial(n, p). */
    public static double binomialAtMost(long k, long n, double p) {
        if (n < 0 || k < 0 || p < 0 || p > 1) {
            throw new IllegalArgumentException("n and k must not be negative, p must be a probability");
        }
        if (k >= n || p == 0) {
            return 1;
        }
        if (p == 1) {
            return 0;
        }
        double[] logs = new double[(int) k + 1];
        for (int i = 0; i <= k; i++) {
            logs[i] = logChoose(n, i) + i * Math.log(p) + (n - i) * Math.log1p(-p);
        }
        return sumOfExps(logs);
    }

    /**
     * P(X ≤ k) for X hypergeometric: {@code draws} taken from {@code population} of which
     * {@code successes} are successes; the one-sided Fisher exact test of a 2×2 table.
     */
    public static double hypergeometricAtMost(long k, long population, long successes, long draws) {
        if (successes > population || draws > population || k < 0 || successes < 0 || draws < 0) {
            throw new IllegalArgumentException("successes and draws must lie within the population");
        }
        long low = Math.max(0, draws - (population - successes));
        long high = Math.min(draws, successes);
        if (k >= high) {
            return 1;
        }
        if (k < low) {
            return 0;
        }
        double logTotal = logChoose(population, draws);
        double[] logs = new double[(int) (k - low) + 1];
        for (long i = low; i <= k; i++) {
            logs[(int) (i - low)] = logChoose(successes, i) + logChoose(population - successes, draws - i) - logTotal;
        }
        return sumOfExps(logs);
    }

    /** The smallest count a hypergeometric draw can give: the least surprising table has at least this many. */
    public static long hypergeometricLowest(long population, long successes, long draws) {
        return Math.max(0, draws - (population - successes));
    }

    static double logChoose(long n, long k) {
        return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
    }

    /** Exact below 4096, Stirling's series (error below 1e-12) above. */
    static double logFactorial(long n) {
        if (n < TABLE) {
            return LOG_FACTORIAL[(int) n];
        }
        double x = n;
        return x * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI * x) + 1 / (12 * x) - 1 / (360 * x * x * x);
    }

    private static double sumOfExps(double[] logs) {
        double max = Double.NEGATIVE_INFINITY;
        for (double log : logs) {
            max = Math.max(max, log);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        double sum = 0;
        for (double log : logs) {
            sum += Math.exp(log - max);
        }
        return Math.min(1, Math.exp(max + Math.log(sum)));
    }
}
