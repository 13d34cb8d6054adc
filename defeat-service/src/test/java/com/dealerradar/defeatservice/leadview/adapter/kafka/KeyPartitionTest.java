package com.dealerradar.defeatservice.leadview.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

/**
 * The partition must be the one lead-service's producer sends the lead's events to; checked against
 * the producer's own partitioner, so that a Kafka upgrade that changes it fails here.
 */
class KeyPartitionTest {

    @Test
    void agreesWithTheProducersPartitionerForEveryKeyAndPartitionCount() {
        IntStream.rangeClosed(1, 12).forEach(partitions -> IntStream.range(0, 500).forEach(i -> {
            String leadId = "L-" + UUID.randomUUID();
            assertThat(KeyPartition.of(leadId, partitions)).as("%s among %d", leadId, partitions)
                    .isEqualTo(BuiltInPartitioner.partitionForKey(leadId.getBytes(StandardCharsets.UTF_8), partitions));
        }));
    }

    @Test
    void spreadsLeadsOverEveryPartition() {
        assertThat(IntStream.range(0, 600).map(i -> KeyPartition.of("L-" + i, 6)).distinct().sorted().toArray())
                .containsExactly(0, 1, 2, 3, 4, 5);
    }
}
