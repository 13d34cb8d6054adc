package com.dealerradar.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaIT {

    @TempDir
    static Path dataDir;

    static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        long started = System.nanoTime();
        kafka = EmbeddedKafka.start(dataDir, 0, 0);
        System.out.printf("EmbeddedKafka started in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
    }

    @Test
    void roundTripsRecordsAndKeepsThemAcrossARestart() {
        produce("round-trip", "lead-1", "created");
        assertThat(consumeAll("round-trip", 1)).containsExactly("lead-1=created");

        int portBefore = kafka.port();
        long restarted = System.nanoTime();
        kafka.restart();
        System.out.printf("EmbeddedKafka restarted in %d ms%n", (System.nanoTime() - restarted) / 1_000_000);

        assertThat(kafka.port()).isEqualTo(portBefore);
        produce("round-trip", "lead-1", "contacted");
        assertThat(consumeAll("round-trip", 2)).containsExactly("lead-1=created", "lead-1=contacted");
    }

    private void produce(String topic, String key, String value) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new AssertionError("Producing to " + topic + " failed", e);
        }
    }

    private List<String> consumeAll(String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (seen.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(record.key() + "=" + record.value());
                }
            }
        }
        return seen;
    }
}
