package com.dealerradar.platform.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param topicPrefix        prepended to every topic name (tests give each class its own)
 * @param partitions         partitions of every topic and its dead-letter topic
 * @param retryAttempts      tries of a failing record before it goes to the dead-letter topic
 * @param retryBackoff       pause between those tries
 */
@ConfigurationProperties("radar.kafka")
public record RadarKafkaProperties(
        @DefaultValue("") String topicPrefix,
        @DefaultValue("6") int partitions,
        @DefaultValue("3") int retryAttempts,
        @DefaultValue("200ms") Duration retryBackoff) {}
