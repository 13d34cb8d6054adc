package com.dealerradar.analytics.query.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

class ExactTailsTest {

    @Test
    void tailsMatchTheirClosedForms() {
        assertThat(ExactTails.binomialAtMost(0, 10, 0.1)).isCloseTo(Math.pow(0.9, 10), within(1e-12));
        // (C(4,0) + C(4,1)) / 2^4
        assertThat(ExactTails.binomialAtMost(1, 4, 0.5)).isCloseTo(5 / 16.0, within(1e-12));
        assertThat(ExactTails.binomialAtMost(4, 4, 0.5)).isEqualTo(1.0);
        // 0.5 + half the central term C(10000, 5000) / 2^10000 = 0.5 + 0.0039893
        assertThat(ExactTails.binomialAtMost(5000, 10000, 0.5)).isCloseTo(0.50399, within(0.00001));
        // 5 drawn of 10, 5 of them successes: P(X = 0) = 1 / C(10, 5), P(X <= 1) = (1 + 5 × 5) / 252
        assertThat(ExactTails.hypergeometricAtMost(0, 10, 5, 5)).isCloseTo(1 / 252.0, within(1e-12));
        assertThat(ExactTails.hypergeometricAtMost(1, 10, 5, 5)).isCloseTo(26 / 252.0, within(1e-12));
        assertThat(ExactTails.hypergeometricLowest(10, 8, 5)).isEqualTo(3);
    }

    @Test
    void aTailStoppedEarlyEqualsTheFullSumOfItsTerms() {
        for (long n : new long[] {20, 500, 9_000, 250_000}) {
            for (double p : new double[] {0.01, 1 / 12.0, 0.3, 0.5}) {
                for (double atSds : new double[] {-12, -4, -1, 0}) {
                    long k = Math.max(0, Math.round(n * p + atSds * Math.sqrt(n * p * (1 - p))));
                    double full = fullSum(k, 0, ExactTails.binomialLogTerm(n, p));
                    assertThat(ExactTails.binomialAtMost(k, n, p)).as("Binomial(%d, %s) ≤ %d", n, p, k)
                            .isCloseTo(full, within(full * 1e-12));
                }
            }
        }
        for (long population : new long[] {40, 3_000, 400_000}) {
            long successes = population / 7;
            long draws = population / 12;
            long k = successes * draws / population / 2;
            double full = fullSum(k, 0, ExactTails.hypergeometricLogTerm(population, successes, draws));
            assertThat(ExactTails.hypergeometricAtMost(k, population, successes, draws))
                    .as("hypergeometric(%d, %d, %d) ≤ %d", population, successes, draws, k)
                    .isCloseTo(full, within(full * 1e-12));
        }
    }

    @Test
    void aTailBelowTheMeanReadsAFewStandardDeviationsOfTermsNotOnePerCount() {
        long n = 1_000_000;
        double p = 0.05;
        LongToDoubleFunction term = ExactTails.binomialLogTerm(n, p);
        AtomicLong terms = new AtomicLong();
        LongToDoubleFunction counted = i -> {
            terms.incrementAndGet();
            return term.applyAsDouble(i);
        };

        // the mean is 50,000 and a standard deviation 218: just below the mean, as far down as the sum can matter
        ExactTails.lowerTail(49_900, 0, counted);

        assertThat(terms.get()).isLessThan(20 * 218);
    }

    /** The sum of every term from {@code top} to {@code bottom}, as the tails were summed before they stopped early. */
    private static double fullSum(long top, long bottom, LongToDoubleFunction logTerm) {
        double largest = Double.NEGATIVE_INFINITY;
        for (long i = bottom; i <= top; i++) {
            largest = Math.max(largest, logTerm.applyAsDouble(i));
        }
        double sum = 0;
        for (long i = bottom; i <= top; i++) {
            sum += Math.exp(logTerm.applyAsDouble(i) - largest);
        }
        return Math.min(1, Math.exp(largest + Math.log(sum)));
    }
}
