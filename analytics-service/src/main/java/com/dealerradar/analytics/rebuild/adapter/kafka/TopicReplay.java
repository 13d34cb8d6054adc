package com.dealerradar.analytics.rebuild.adapter.kafka;

import com.dealerradar.events.CloudEventCodec;
import com.dealerradar.events.EventEnvelope;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads topics from their beginning up to where they end now, with a fresh consumer group that
 * commits nothing, handing every event to a callback in partition order. Records that are no event
 * (poison, already parked in the dead-letter topic by the live consumer) are skipped and counted.
 */
@Component
public class TopicReplay {

    private static final Duration POLL = Duration.ofMillis(500);

    private final ConsumerFactory<String, CloudEvent> consumers;

    public TopicReplay(ConsumerFactory<String, CloudEvent> eventConsumerFactory) {
        this.consumers = eventConsumerFactory;
    }

    public record Counts(long events, long skipped) {}

    public Counts replay(List<String> topics, BiConsumer<String, EventEnvelope> apply) {
        long events = 0;
        long skipped = 0;
        String group = "analytics-service-rebuild-" + UUID.randomUUID();
        try (Consumer<String, CloudEvent> consumer = consumers.createConsumer(group, "rebuild")) {
            List<TopicPartition> partitions = new ArrayList<>();
            topics.forEach(topic -> consumer.partitionsFor(topic)
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (!reachedEnd(consumer, end)) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(POLL)) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    EventEnvelope event = decode(record);
                    if (event == null) {
                        skipped++;
                        continue;
                    }
                    apply.accept(record.topic(), event);
                    events++;
                }
            }
        }
        return new Counts(events, skipped);
    }

    private static boolean reachedEnd(Consumer<String, CloudEvent> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
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
