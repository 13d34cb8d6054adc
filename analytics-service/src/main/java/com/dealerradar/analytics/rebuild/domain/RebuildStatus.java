package com.dealerradar.analytics.rebuild.domain;

import java.time.Instant;
import java.util.List;

/**
 * Where a rebuild stands: {@code RUNNING} while it replays into its generation, {@code SWITCHED} once
 * that generation serves, {@code FAILED} when it stopped before (the live generation untouched). Its id
 * names its generation. {@code topics}: per topic, the offsets replayed ({@code done}) of those to reach
 * ({@code target}), summed over the partitions; the target grows as catch-up rounds read on.
 */
public record RebuildStatus(String id, State state, long events, long skipped, List<TopicOffsets> topics,
        Instant startedAt, Instant finishedAt, String error) {

    public enum State { RUNNING, SWITCHED, FAILED }

    public record TopicOffsets(String topic, long done, long target) {}

    public RebuildStatus {
        topics = List.copyOf(topics);
    }

    public static RebuildStatus started(String id, Instant at) {
        return new RebuildStatus(id, State.RUNNING, 0, 0, List.of(), at, null, null);
    }

    public RebuildStatus progressed(long events, long skipped, List<TopicOffsets> topics) {
        return new RebuildStatus(id, state, events, skipped, topics, startedAt, finishedAt, error);
    }

    public RebuildStatus switched(Instant at) {
        return new RebuildStatus(id, State.SWITCHED, events, skipped, topics, startedAt, at, null);
    }

    /** Switched, but the catch-up after the switch failed: the new generation serves and may miss a few late events. */
    public RebuildStatus switchedWithError(Instant at, String reason) {
        return new RebuildStatus(id, State.SWITCHED, events, skipped, topics, startedAt, at, reason);
    }

    public RebuildStatus failed(Instant at, String reason) {
        return new RebuildStatus(id, State.FAILED, events, skipped, topics, startedAt, at, reason);
    }

    /** Offsets still to replay to reach the targets known so far. */
    public long remaining() {
        return topics.stream().mapToLong(t -> Math.max(0, t.target() - t.done())).sum();
    }
}
