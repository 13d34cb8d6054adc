package com.dealerradar.defeatservice.leadview.adapter.kafka;

import com.dealerradar.defeatservice.leadview.application.LeadFeedMark;
import com.dealerradar.defeatservice.leadview.application.LeadFeedProgress;
import com.dealerradar.platform.kafka.TopicNames;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Compares the end of a lead's partition of radar.leads with the offset {@link LeadEventsListener}'s
 * group has committed there. The listener commits a record only after the view is written, so a
 * committed offset at or past the mark proves the view holds every event before it.
 */
@Component
class LeadEventsOffsets implements LeadFeedProgress, DisposableBean {

    /** The broker is asked while a report waits for its lead: a broker that is away must not hold it longer. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);

    private final Admin admin;
    private final TopicNames topics;

    LeadEventsOffsets(KafkaAdmin kafkaAdmin, TopicNames topics) {
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ANSWER_WITHIN.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ANSWER_WITHIN.toMillis());
        this.admin = Admin.create(config);
        this.topics = topics;
    }

    @Override
    public Mono<LeadFeedMark> markNow(String leadId) {
        String topic = topics.leads();
        return answer(() -> admin.describeTopics(List.of(topic)).allTopicNames())
                .map(described -> new TopicPartition(topic,
                        KeyPartition.of(leadId, described.get(topic).partitions().size())))
                .flatMap(partition -> answer(() -> admin.listOffsets(Map.of(partition, OffsetSpec.latest()))
                        .partitionResult(partition))
                        .map(end -> new LeadFeedMark(partition.partition(), end.offset())));
    }

    @Override
    public Mono<Boolean> hasReadUpTo(LeadFeedMark mark) {
        TopicPartition partition = new TopicPartition(topics.leads(), mark.partition());
        String group = LeadEventsListener.GROUP;
        return answer(() -> admin.listConsumerGroupOffsets(
                        Map.of(group, new ListConsumerGroupOffsetsSpec().topicPartitions(List.of(partition))))
                .partitionsToOffsetAndMetadata(group))
                // A partition the group has never committed on has been read up to its start only.
                .map(committed -> offsetOf(committed.get(partition)) >= mark.offset());
    }

    private static long offsetOf(OffsetAndMetadata committed) {
        return committed == null ? 0 : committed.offset();
    }

    private static <T> Mono<T> answer(Supplier<KafkaFuture<T>> call) {
        return Mono.fromCompletionStage(() -> call.get().toCompletionStage());
    }

    @Override
    public void destroy() {
        admin.close(ANSWER_WITHIN);
    }
}
