package com.dealerradar.platform.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param topicPrefix        prepended to every topic name (tests give each class its own)
 * @param partitions         partitions of every topic and its dead-letter topic
 * @param replicationFactor  copies of every partition: 1 on one broker (the local stack), 3 in production;
 *                           from 3 on, a write is acknowledged once two copies hold it
 * @param retryAttempts      tries of a record that fails the same way each time (a poison record)
 *                           before it goes to the dead-letter topic
 * @param retryBackoff       pause between those tries
 * @param transientBackoffMax longest pause between the tries of a record whose failure passes by itself
 *                           (store or broker away, see {@link TransientFaults}); those are retried until
 *                           they pass, the pause doubling from {@code retryBackoff} up to this
 */
@ConfigurationProperties("radar.kafka")
public record RadarKafkaProperties(
        @DefaultValue("") String topicPrefix,
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("3") int retryAttempts,
        @DefaultValue("200ms") Duration retryBackoff,
        @DefaultValue("10s") Duration transientBackoffMax) {

    public RadarKafkaProperties {
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("radar.kafka.replication-factor must be at least 1");
        }
    }
}
