package com.dealerradar.defeatservice.leadview.adapter.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * The partition Kafka's default partitioner sends a record with this key to, among {@code partitions}:
 * the murmur2 hash of the key's bytes as {@code StringSerializer} writes them (UTF-8).
 */
final class KeyPartition {

    private KeyPartition() {}

    static int of(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
