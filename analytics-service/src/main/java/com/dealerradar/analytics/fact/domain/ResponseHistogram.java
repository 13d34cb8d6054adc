package com.dealerradar.analytics.fact.domain;

import java.util.Map;
import java.util.TreeMap;

/**
 * First-response minutes counted in fixed buckets, so that percentiles can be taken over any union
 * of cells and a histogram never has more than {@link #BUCKETS} entries. A bucket is named by its
 * upper bound (a response counts at its bound, rounded up): every minute up to 2 hours, every 30
 * up to 12 hours, every 2 hours up to 2 days, every 12 hours up to a week; beyond a week, one
 * overflow bucket at {@link #CAP}. Minutes are exact where speed to lead is judged (the first two
 * hours, "within an hour" included); only slower answers are rounded up to their bucket.
 */
public final class ResponseHistogram {

    public static final long CAP = 7 * 24 * 60;
    public static final int BUCKETS = 1 + 120 + 20 + 18 + 10;
    private static final long[][] STEPS = {{120, 1}, {720, 30}, {2880, 120}, {CAP, 720}};

    private final TreeMap<Long, Long> counts = new TreeMap<>();
    private long total;

    /** The bucket (its upper bound in minutes) a response of {@code minutes} counts in. */
    public static long bucketOf(long minutes) {
        if (minutes <= 0) {
            return 0;
        }
        for (long[] step : STEPS) {
            if (minutes <= step[0]) {
                return ceil(minutes, step[1]);
            }
        }
        return CAP;
    }

    private static long ceil(long minutes, long step) {
        return (minutes + step - 1) / step * step;
    }

    public ResponseHistogram add(long minutes, long count) {
        counts.merge(bucketOf(minutes), count, Long::sum);
        total += count;
        return this;
    }

    public ResponseHistogram addAll(Map<Long, Long> other) {
        other.forEach(this::add);
        return this;
    }

    public long total() {
        return total;
    }

    public long countAtMost(long minutes) {
        return counts.headMap(minutes, true).values().stream().mapToLong(Long::longValue).sum();
    }

    public Map<Long, Long> asMap() {
        return new TreeMap<>(counts);
    }

    /** Percentile {@code p} (0..1) with linear interpolation between ranks; null when empty. */
    public Double percentile(double p) {
        if (total == 0) {
            return null;
        }
        double rank = p * (total - 1);
        long lower = (long) Math.floor(rank);
        double low = valueAt(lower);
        double high = valueAt(Math.min(lower + 1, total - 1));
        return low + (high - low) * (rank - lower);
    }

    private long valueAt(long index) {
        long seen = 0;
        for (Map.Entry<Long, Long> bucket : counts.entrySet()) {
            seen += bucket.getValue();
            if (index < seen) {
                return bucket.getKey();
            }
        }
        return counts.lastKey();
    }
}
