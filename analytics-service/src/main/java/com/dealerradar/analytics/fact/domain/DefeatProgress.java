package com.dealerradar.analytics.fact.domain;

import java.time.Instant;

/**
 * The high-water mark of a lead's defeat events: the defeat last applied, its sequence, and when that
 * defeat began. A defeat's events carry its version (1, 2, 3 ...), and a lead has at most one open
 * defeat at a time, so an event applies when it is newer in the current defeat, or opens a later one.
 * A redelivered or duplicated event, or a late one of an earlier defeat, changes nothing.
 */
public record DefeatProgress(String defeatId, long sequence, Instant since) {

    public static final DefeatProgress NONE = new DefeatProgress(null, 0, null);

    public boolean accepts(String otherDefeatId, long otherSequence, Instant at) {
        if (defeatId == null) {
            return true;
        }
        if (defeatId.equals(otherDefeatId)) {
            return otherSequence > sequence;
        }
        return since == null || at.isAfter(since);
    }

    /** The mark once that event is applied. */
    public DefeatProgress after(String otherDefeatId, long otherSequence, Instant at) {
        return new DefeatProgress(otherDefeatId, otherSequence, otherDefeatId.equals(defeatId) ? since : at);
    }
}
