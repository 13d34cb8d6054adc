package com.dealerradar.analytics.rebuild.adapter.kafka;

import com.dealerradar.analytics.rebuild.application.TopicReplay;
import com.dealerradar.analytics.rebuild.domain.RebuildStatus.TopicOffsets;
import com.dealerradar.events.CloudEventCodec;
import com.dealerradar.events.EventEnvelope;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * The replay with a consumer of a fresh group ({@code analytics-service-rebuild-<uuid>}, nothing
 * committed), assigned every partition of the topics from their beginning.
 * <p>
 * {@code radar.analytics.rebuild.fail-after-events} (0, off) is for fault tests only: a positive value
 * makes a reading fail once it has handed on that many events, as a store or broker fault halfway would.
 */
@Component
class KafkaTopicReplay implements TopicReplay {

    private static final Duration POLL = Duration.ofMillis(500);

    private final ConsumerFactory<String, CloudEvent> consumers;
    private final long failAfterEvents;

    KafkaTopicReplay(ConsumerFactory<String, CloudEvent> eventConsumerFactory,
            @Value("${radar.analytics.rebuild.fail-after-events:0}") long failAfterEvents) {
        this.consumers = eventConsumerFactory;
        this.failAfterEvents = failAfterEvents;
    }

    @Override
    public Reading open(List<String> topics) {
        return new KafkaReading(consumers.createConsumer("analytics-service-rebuild-" + UUID.randomUUID(), "rebuild"),
                topics, failAfterEvents);
    }

    private static final class KafkaReading implements Reading {

        private final org.apache.kafka.clients.consumer.Consumer<String, CloudEvent> consumer;
        private final List<TopicPartition> partitions = new ArrayList<>();
        /** The next offset to hand on, per partition: the progress, exact even when a batch fails halfway. */
        private final Map<TopicPartition, Long> next = new HashMap<>();
        private final long failAfterEvents;
        private long events;
        private long skipped;

        KafkaReading(org.apache.kafka.clients.consumer.Consumer<String, CloudEvent> consumer, List<String> topics,
                long failAfterEvents) {
            this.consumer = consumer;
            this.failAfterEvents = failAfterEvents;
            topics.forEach(topic -> consumer.partitionsFor(topic)
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            partitions.forEach(partition -> next.put(partition, consumer.position(partition)));
        }

        @Override
        public long readToEnd(BiConsumer<String, EventEnvelope> apply, Consumer<Progress> progress) {
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long before = events;
            consumer.resume(partitions);
            progress.accept(progress(end));
            try {
                readTo(end, apply, progress);
            } finally {
                progress.accept(progress(end));
            }
            return events - before;
        }

        private void readTo(Map<TopicPartition, Long> end, BiConsumer<String, EventEnvelope> apply,
                Consumer<Progress> progress) {
            while (!reachedEnd(end)) {
                Set<TopicPartition> rewound = new HashSet<>();
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        // Beyond this round's end: the next round reads it.
                        if (rewound.add(partition)) {
                            consumer.seek(partition, record.offset());
                        }
                        continue;
                    }
                    EventEnvelope event = decode(record);
                    if (event == null) {
                        skipped++;
                    } else {
                        if (failAfterEvents > 0 && events >= failAfterEvents) {
                            throw new IllegalStateException("replay made to fail after " + failAfterEvents
                                    + " events (radar.analytics.rebuild.fail-after-events)");
                        }
                        apply.accept(record.topic(), event);
                        events++;
                    }
                    next.put(partition, record.offset() + 1);
                }
                partitions.forEach(partition -> next.put(partition, Math.max(next.get(partition),
                        Math.min(consumer.position(partition), end.get(partition)))));
                consumer.pause(partitions.stream().filter(p -> consumer.position(p) >= end.get(p)).toList());
                progress.accept(progress(end));
            }
        }

        private boolean reachedEnd(Map<TopicPartition, Long> end) {
            return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
        }

        private Progress progress(Map<TopicPartition, Long> end) {
            Map<String, long[]> byTopic = new LinkedHashMap<>();
            for (TopicPartition partition : partitions) {
                long target = end.get(partition);
                long[] offsets = byTopic.computeIfAbsent(partition.topic(), t -> new long[2]);
                offsets[0] += Math.min(next.get(partition), target);
                offsets[1] += target;
            }
            List<TopicOffsets> topics = new ArrayList<>();
            byTopic.forEach((topic, offsets) -> topics.add(new TopicOffsets(topic, offsets[0], offsets[1])));
            return new Progress(events, skipped, topics);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    private static EventEnvelope decode(ConsumerRecord<String, CloudEvent> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            return CloudEventCodec.fromCloudEvent(record.value());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
