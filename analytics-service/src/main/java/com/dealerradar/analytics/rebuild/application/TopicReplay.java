package com.dealerradar.analytics.rebuild.application;

import com.dealerradar.events.EventEnvelope;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Reads topics from their beginning up to where they end now, committing nothing, and hands every
 * event to a callback in partition order. Records that are no event (poison, already parked in the
 * dead-letter topic by the live consumer) are skipped and counted.
 */
public interface TopicReplay {

    record Counts(long events, long skipped) {}

    /** Blocks until every topic is read to its end; {@code apply} gets the topic and the event. */
    Counts replay(List<String> topics, BiConsumer<String, EventEnvelope> apply);
}
