package com.dealerradar.platform.kafka;

import com.dealerradar.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * This service's dead letters: the records its own listeners parked in {@code <topic>-dlt} (every
 * consumer of a topic parks in the same dead-letter topic; the header naming the consumer group tells
 * whose a letter is). Listing reads what was not re-driven yet; re-driving publishes each letter back
 * to its topic, as it first came (same key, same CloudEvent), and only then moves this service's
 * cursor past it. Every consumer drops an event it already applied, so a letter re-driven twice (two
 * instances at once, or a crash before the cursor moved) still counts once.
 */
public class DeadLetterQueue {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterQueue.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final KafkaOperations<Object, Object> producer;
    private final List<String> deadLetterTopics;
    private final Supplier<Set<String>> ownGroups;

    /**
     * @param consumers a consumer of the dead-letter topics in this service's cursor group, committing nothing by itself
     * @param ownGroups the consumer groups of this service's listeners
     */
    public DeadLetterQueue(Supplier<Consumer<String, byte[]>> consumers, KafkaOperations<Object, Object> producer,
            TopicNames topics, Supplier<Set<String>> ownGroups) {
        this.consumers = consumers;
        this.producer = producer;
        this.deadLetterTopics = topics.all().stream().map(Topics::deadLetterOf).toList();
        this.ownGroups = ownGroups;
    }

    /** One parked record: where it lies, where it came from, and why it failed. */
    public record DeadLetter(String topic, int partition, long offset, String originalTopic, String key,
            String eventId, String eventType, String consumerGroup, String failure, Instant parkedAt) {}

    public record Redrive(int redriven, List<DeadLetter> letters) {}

    /** The letters not re-driven yet, oldest first per partition, at most {@code limit}. */
    public List<DeadLetter> pending(int limit) {
        List<DeadLetter> letters = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = consumers.get()) {
            readPending(consumer, record -> {
                if (letters.size() < limit) {
                    letters.add(letterOf(record));
                }
            });
        }
        return letters;
    }

    /** Publishes every pending letter back to its topic, then moves the cursor past what it read. */
    public Redrive redrive() {
        List<DeadLetter> letters = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = consumers.get()) {
            Map<TopicPartition, Long> readTo = readPending(consumer, record -> {
                DeadLetter letter = letterOf(record);
                producer.send(backToItsTopic(record, letter.originalTopic()))
                        .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                letters.add(letter);
                log.info("dead letter {}-{}@{} (event {}) re-driven to {}", letter.topic(), letter.partition(),
                        letter.offset(), letter.eventId(), letter.originalTopic());
            });
            Map<TopicPartition, OffsetAndMetadata> cursor = new HashMap<>();
            readTo.forEach((partition, offset) -> cursor.put(partition, new OffsetAndMetadata(offset)));
            consumer.commitSync(cursor);
        }
        return new Redrive(letters.size(), letters);
    }

    private interface LetterHandler {
        void accept(ConsumerRecord<String, byte[]> record) throws Exception;
    }

    /** Reads from the cursor to where the topics end now; answers how far it read per partition. */
    private Map<TopicPartition, Long> readPending(Consumer<String, byte[]> consumer, LetterHandler handler) {
        List<TopicPartition> partitions = new ArrayList<>();
        deadLetterTopics.forEach(topic -> consumer.partitionsFor(topic)
                .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition()))));
        consumer.assign(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata at = committed.get(partition);
            consumer.seek(partition, at == null ? beginning.get(partition) : at.offset());
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Set<String> groups = ownGroups.get();
        Map<TopicPartition, Long> readTo = new LinkedHashMap<>();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() >= end.get(partition)) {
                    continue;
                }
                if (groups.contains(header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP))) {
                    try {
                        handler.accept(record);
                    } catch (Exception e) {
                        throw new IllegalStateException("dead letter " + partition + "@" + record.offset()
                                + " could not be re-driven; nothing after it was", e);
                    }
                }
                readTo.put(partition, record.offset() + 1);
            }
        }
        return readTo;
    }

    private static DeadLetter letterOf(ConsumerRecord<String, byte[]> record) {
        String originalTopic = header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        return new DeadLetter(record.topic(), record.partition(), record.offset(),
                originalTopic == null ? record.topic().substring(0, record.topic().length() - "-dlt".length()) : originalTopic,
                record.key(), header(record, "ce_id"), header(record, "ce_type"),
                header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP),
                header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE), Instant.ofEpochMilli(record.timestamp()));
    }

    /** The record as it first came: its key, value and CloudEvent headers, without what parking added. */
    private static ProducerRecord<Object, Object> backToItsTopic(ConsumerRecord<String, byte[]> record, String topic) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(KafkaHeaders.PREFIX + "dlt-")) {
                headers.add(header);
            }
        }
        return new ProducerRecord<>(topic, null, record.key(), record.value(), headers);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
