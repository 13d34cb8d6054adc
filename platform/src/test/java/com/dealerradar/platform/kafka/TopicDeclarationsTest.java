package com.dealerradar.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** Topics are the source of truth a rebuild replays: declared to keep every event, on as many copies as configured. */
class TopicDeclarationsTest {

    @Test
    void everyTopicAndItsDeadLetterTwinKeepEveryEvent() {
        List<NewTopic> topics = declared(properties((short) 1));

        assertThat(topics).hasSize(2 * new TopicNames("").all().size());
        assertThat(topics).allSatisfy(topic -> {
            assertThat(topic.configs()).containsEntry("retention.ms", "-1").containsEntry("retention.bytes", "-1");
            assertThat(topic.configs()).doesNotContainKey("cleanup.policy");
            assertThat(topic.replicationFactor()).isEqualTo((short) 1);
            assertThat(topic.configs()).containsEntry("min.insync.replicas", "1");
        });
        assertThat(topics).extracting(NewTopic::name).contains("radar.leads", "radar.leads-dlt");
    }

    @Test
    void onThreeCopiesAWriteNeedsTwoOfThemInSync() {
        assertThat(declared(properties((short) 3))).allSatisfy(topic -> {
            assertThat(topic.replicationFactor()).isEqualTo((short) 3);
            assertThat(topic.configs()).containsEntry("min.insync.replicas", "2");
        });
    }

    @Test
    void noCopyIsRefused() {
        assertThatThrownBy(() -> properties((short) 0)).hasMessageContaining("replication-factor");
    }

    private static List<NewTopic> declared(RadarKafkaProperties properties) {
        return TopicDeclarations.of(new TopicNames(""), properties);
    }

    private static RadarKafkaProperties properties(short replicationFactor) {
        return new RadarKafkaProperties("", 6, replicationFactor, 3, Duration.ofMillis(200), Duration.ofSeconds(10));
    }
}
