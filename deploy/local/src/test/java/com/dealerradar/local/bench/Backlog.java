package com.dealerradar.local.bench;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The events the stack's services have not read yet: for every consumer group on the broker, how far its
 * committed offsets are behind the ends of the partitions it reads. A paced lag measurement starts on a
 * drained stack, so that it measures the lag at its own rate, not the time to work off what the slices
 * before it left behind.
 */
final class Backlog implements AutoCloseable {

    private final Admin admin;

    Backlog(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Waits until no group has anything unread on {@value QuietPolls#POLLS} polls in a row, a second apart. */
    Duration awaitDrained(Duration limit) throws Exception {
        return QuietPolls.await(limit, () -> (double) unread(), "%.0f events were still unread");
    }

    private long unread() throws Exception {
        long unread = 0;
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet().stream()
                    .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()))).all().get();
            for (Map.Entry<TopicPartition, OffsetAndMetadata> read : committed.entrySet()) {
                if (read.getValue() != null) {
                    unread += ends.get(read.getKey()).offset() - read.getValue().offset();
                }
            }
        }
        return unread;
    }

    @Override
    public void close() {
        admin.close();
    }
}
