package com.dealerradar.analytics.rebuild.application;

import com.dealerradar.analytics.rebuild.domain.RebuildStatus.TopicOffsets;
import com.dealerradar.events.EventEnvelope;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reads topics from their beginning, committing nothing, and hands every event to a callback in
 * partition order. Records that are no event (poison, already parked in the dead-letter topic by the
 * live consumer) are skipped and counted.
 */
public interface TopicReplay {

    /** Events handed on and records skipped so far, and each topic's offsets read of those to reach. */
    record Progress(long events, long skipped, List<TopicOffsets> topics) {}

    Reading open(List<String> topics);

    /** One reader of the topics, going on from where its last round stopped. */
    interface Reading extends AutoCloseable {

        /**
         * Reads every topic up to the end it has when the round starts; {@code apply} gets the topic and
         * the event, {@code progress} is told after each batch. Answers the events handed on in this round.
         */
        long readToEnd(BiConsumer<String, EventEnvelope> apply, Consumer<Progress> progress);

        @Override
        void close();
    }
}
