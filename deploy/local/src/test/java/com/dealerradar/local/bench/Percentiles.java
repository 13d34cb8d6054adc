package com.dealerradar.local.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of latencies in nanoseconds, in milliseconds. */
final class Percentiles {

    private Percentiles() {}

    static double of(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
