package com.dealerradar.analytics.query.domain;

import java.util.function.LongToDoubleFunction;

/**
 * Lower tails of the two exact conditional tests the prospect radar uses, summed in log space so that
 * large counts neither overflow nor underflow.
 *
 * <p>A tail is summed from its top term down and stops once the terms left cannot change the sum in
 * double precision. Both distributions are log-concave, so below the mode each term is a smaller
 * fraction of the one above it than the last, and the rest of the tail is at most a geometric series.
 * A p-value below the expectation therefore costs a few standard deviations' worth of terms, not one
 * term per lead: a group's year of leads must not make the radar slower.
 */
public final class ExactTails {

    private static final int TABLE = 4096;
    private static final double[] LOG_FACTORIAL = new double[TABLE];
    /** Far below double precision relative to the sum: what is left below it cannot change the result. */
    private static final double NEGLIGIBLE = 1e-18;

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
        return lowerTail(k, 0, binomialLogTerm(n, p));
    }

    /** log P(X = i) for X ~ Binomial(n, p), 0 < p < 1. */
    static LongToDoubleFunction binomialLogTerm(long n, double p) {
        double logP = Math.log(p);
        double logQ = Math.log1p(-p);
        return i -> logChoose(n, i) + i * logP + (n - i) * logQ;
    }

    /**
     * P(X ≤ k) for X hypergeometric: {@code draws} taken from {@code population} of which
     * {@code successes} are successes; the one-sided Fisher exact test of a 2×2 table.
     */
    public static double hypergeometricAtMost(long k, long population, long successes, long draws) {
        if (successes > population || draws > population || k < 0 || successes < 0 || draws < 0) {
            throw new IllegalArgumentException("successes and draws must lie within the population");
        }
        long low = hypergeometricLowest(population, successes, draws);
        long high = Math.min(draws, successes);
        if (k >= high) {
            return 1;
        }
        if (k < low) {
            return 0;
        }
        return lowerTail(k, low, hypergeometricLogTerm(population, successes, draws));
    }

    /** log P(X = i) for the hypergeometric X of {@link #hypergeometricAtMost}. */
    static LongToDoubleFunction hypergeometricLogTerm(long population, long successes, long draws) {
        double logTotal = logChoose(population, draws);
        return i -> logChoose(successes, i) + logChoose(population - successes, draws - i) - logTotal;
    }

    /** The smallest count a hypergeometric draw can give: the least surprising table has at least this many. */
    public static long hypergeometricLowest(long population, long successes, long draws) {
        return Math.max(0, draws - (population - successes));
    }

    /**
     * The sum of exp(logTerm(i)) for i from {@code top} down to {@code bottom}. The sum is kept relative to
     * its largest term so far; it stops early once the terms fall and the geometric bound on the rest,
     * term × ratio / (1 − ratio), is negligible.
     */
    static double lowerTail(long top, long bottom, LongToDoubleFunction logTerm) {
        double largest = logTerm.applyAsDouble(top);
        double sum = 1;
        double previous = largest;
        for (long i = top - 1; i >= bottom; i--) {
            double log = logTerm.applyAsDouble(i);
            if (log > largest) {
                sum = sum * Math.exp(largest - log) + 1;
                largest = log;
            } else {
                double term = Math.exp(log - largest);
                sum += term;
                double ratio = Math.exp(log - previous);
                if (ratio < 1 && term * ratio / (1 - ratio) <= sum * NEGLIGIBLE) {
                    break;
                }
            }
            previous = log;
        }
        return Math.min(1, Math.exp(largest + Math.log(sum)));
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
}
