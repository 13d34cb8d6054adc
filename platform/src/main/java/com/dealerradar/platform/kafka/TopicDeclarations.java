package com.dealerradar.platform.kafka;

import com.dealerradar.events.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;

/**
 * How the topics are declared. They are the source of truth a rebuild replays, so they keep every
 * event: a lead's events are its history, not a latest state, so they are not compacted either. Dead
 * letters stay until they are re-driven. From three copies on, a write is acknowledged by two.
 */
final class TopicDeclarations {

    private TopicDeclarations() {}

    static List<NewTopic> of(TopicNames topics, RadarKafkaProperties properties) {
        List<NewTopic> all = new ArrayList<>();
        for (String topic : topics.all()) {
            all.add(keptForever(topic, properties));
            all.add(keptForever(Topics.deadLetterOf(topic), properties));
        }
        return all;
    }

    private static NewTopic keptForever(String topic, RadarKafkaProperties properties) {
        short replicas = properties.replicationFactor();
        return TopicBuilder.name(topic).partitions(properties.partitions()).replicas(replicas)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .config(TopicConfig.RETENTION_BYTES_CONFIG, "-1")
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(replicas >= 3 ? 2 : 1))
                .build();
    }
}
