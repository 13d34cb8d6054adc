package com.dealerradar.analytics.fact.domain;

import java.util.Map;
import java.util.TreeMap;

/**
 * First-response minutes counted per minute, so that percentiles can be taken over any union of
 * groups. Responses beyond a week are kept in one overflow bucket at the cap: the size stays bounded.
 */
public final class ResponseHistogram {

    public static final long CAP = 7 * 24 * 60;

    private final TreeMap<Long, Long> counts = new TreeMap<>();
    private long total;

    public static long bucketOf(long minutes) {
        return Math.min(Math.max(0, minutes), CAP);
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
