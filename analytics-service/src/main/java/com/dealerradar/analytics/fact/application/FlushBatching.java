package com.dealerradar.analytics.fact.application;

import java.time.Duration;

/**
 * How a flush divides its dealer-days: recomputed {@code chunk} at a time, each chunk given up after
 * {@code chunkTimeout}; {@code chunksPerRound} chunks share one recompute of the cells above them and clear
 * their markers together.
 */
public record FlushBatching(int chunk, int chunksPerRound, Duration chunkTimeout) {

    public FlushBatching {
        if (chunk < 1 || chunksPerRound < 1) {
            throw new IllegalArgumentException("a flush needs chunks of at least one dealer-day and rounds of at least one chunk");
        }
    }

    int round() {
        return chunk * chunksPerRound;
    }
}
