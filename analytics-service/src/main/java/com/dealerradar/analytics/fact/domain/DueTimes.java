package com.dealerradar.analytics.fact.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * When the pending callbacks of a cell fall due, bounded: the {@link #KEPT} latest due times exactly,
 * the earlier ones as a count and the latest of them. Overdue counts are exact while {@code now} is
 * past every dropped due time (the usual case: dropped ones are the oldest), and otherwise leave the
 * dropped ones out.
 */
public final class DueTimes {

    public static final int KEPT = 64;
    public static final DueTimes NONE = new DueTimes(new TreeMap<>(), 0, 0);

    private final TreeMap<Long, Long> latest;
    private final long earlier;
    private final long earlierLatest;

    private DueTimes(TreeMap<Long, Long> latest, long earlier, long earlierLatest) {
        this.latest = latest;
        this.earlier = earlier;
        this.earlierLatest = earlierLatest;
    }

    public static DueTimes of(Map<Long, Long> latest, long earlier, long earlierLatest) {
        return new DueTimes(new TreeMap<>(latest), earlier, earlierLatest).bounded();
    }

    public DueTimes plus(Instant due) {
        TreeMap<Long, Long> merged = new TreeMap<>(latest);
        merged.merge(due.toEpochMilli(), 1L, Long::sum);
        return new DueTimes(merged, earlier, earlierLatest).bounded();
    }

    public DueTimes plus(DueTimes other) {
        TreeMap<Long, Long> merged = new TreeMap<>(latest);
        other.latest.forEach((due, n) -> merged.merge(due, n, Long::sum));
        return new DueTimes(merged, earlier + other.earlier, Math.max(earlierLatest, other.earlierLatest)).bounded();
    }

    private DueTimes bounded() {
        if (latest.size() <= KEPT) {
            return this;
        }
        TreeMap<Long, Long> kept = new TreeMap<>(latest);
        long dropped = earlier;
        long droppedLatest = earlierLatest;
        while (kept.size() > KEPT) {
            Map.Entry<Long, Long> first = kept.pollFirstEntry();
            dropped += first.getValue();
            droppedLatest = Math.max(droppedLatest, first.getKey());
        }
        return new DueTimes(kept, dropped, droppedLatest);
    }

    public long overdue(Instant now) {
        long millis = now.toEpochMilli();
        long kept = latest.headMap(millis, false).values().stream().mapToLong(Long::longValue).sum();
        return kept + (earlier > 0 && millis > earlierLatest ? earlier : 0);
    }

    public SortedMap<Long, Long> latest() {
        return Collections.unmodifiableSortedMap(latest);
    }

    public long earlier() {
        return earlier;
    }

    public long earlierLatest() {
        return earlierLatest;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DueTimes that && latest.equals(that.latest) && earlier == that.earlier
                && earlierLatest == that.earlierLatest;
    }

    @Override
    public int hashCode() {
        return Objects.hash(latest, earlier, earlierLatest);
    }
}
