package com.dealerradar.analytics.rebuild.adapter.kafka;

import com.dealerradar.analytics.rebuild.application.TopicReplay;
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

/** The replay with a consumer of a fresh group, assigned every partition of the topics. */
@Component
class KafkaTopicReplay implements TopicReplay {

    private static final Duration POLL = Duration.ofMillis(500);

    private final ConsumerFactory<String, CloudEvent> consumers;

    KafkaTopicReplay(ConsumerFactory<String, CloudEvent> eventConsumerFactory) {
        this.consumers = eventConsumerFactory;
    }

    @Override
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
