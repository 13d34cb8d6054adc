package com.dealerradar.platform.kafka;

import com.dealerradar.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/** Parks records that failed after retries in {@code <topic>-dlt}, and counts them. */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaOperations<Object, Object> template;
    private final MeterRegistry meters;

    /** Counts from zero for every topic, so that an alert on the rate sees a series before the first letter. */
    DeadLetters(KafkaOperations<Object, Object> template, MeterRegistry meters, TopicNames topics) {
        this.template = template;
        this.meters = meters;
        topics.all().forEach(this::counter);
    }

    private Counter counter(String topic) {
        return meters.counter("radar.kafka.dead.letters", "topic", topic);
    }

    /** The producer that parks letters; it also publishes them back when they are re-driven. */
    KafkaOperations<Object, Object> template() {
        return template;
    }

    DeadLetterPublishingRecoverer recoverer() {
        return new DeadLetterPublishingRecoverer(template, (record, failure) -> {
            counter(record.topic()).increment();
            log.warn("record {}-{}@{} goes to the dead-letter topic: {}",
                    record.topic(), record.partition(), record.offset(), failure.getMessage());
            return new TopicPartition(Topics.deadLetterOf(record.topic()), record.partition());
        });
    }
}
