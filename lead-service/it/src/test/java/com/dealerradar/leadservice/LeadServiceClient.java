package com.dealerradar.leadservice;

import com.dealerradar.events.CloudEventCodec;
import com.dealerradar.events.EventEnvelope;
import com.dealerradar.events.EventJson;
import com.dealerradar.events.Topics;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.InternalToken;
import com.dealerradar.platform.security.Role;
import com.dealerradar.testkit.Namespace;
import com.dealerradar.testkit.SharedInfrastructure;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What lead-service's integration tests share: signed callers, lead bodies, the topics in and out. */
final class LeadServiceClient {

    private static final InternalToken TOKENS = new InternalToken(SharedInfrastructure.INTERNAL_TOKEN_SECRET);

    private static final Duration LINGER = Duration.ofSeconds(2);

    private final WebTestClient http;
    private final Namespace namespace;

    LeadServiceClient(int port, Class<?> testClass) {
        this.http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(60)).build();
        this.namespace = Namespace.of(testClass);
    }

    WebTestClient as(Caller caller) {
        return http.mutate().defaultHeader("Authorization", "Bearer " + TOKENS.sign(caller, "lead-service", Instant.now())).build();
    }

    static Caller admin() {
        return new Caller("admin", Role.ADMIN, null, null);
    }

    static Caller hq() {
        return new Caller("hq", Role.HQ, null, null);
    }

    static Caller dealerKey(String dealerId) {
        return new Caller("k-" + dealerId, Role.DEALER, dealerId, null);
    }

    static Caller regionManager(String region) {
        return new Caller("rm-" + region, Role.REGION_MANAGER, null, region);
    }

    static String newDealerId() {
        return "D-" + UUID.randomUUID().toString().substring(0, 8);
    }

    void registerDealer(String dealerId, String region) {
        as(admin()).post().uri("/api/dealers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("dealerId", dealerId, "name", dealerId + " Motors", "region", region, "brand", "Changan"))
                .exchange().expectStatus().isCreated();
    }

    static String lead(String dealerId, String externalRef, String phone) {
        return """
                {"dealerId": "%s", "externalRef": "%s", "occurredAt": "2026-11-02T10:05:00+08:00",
                 "channel": "SHOWROOM", "grade": "A", "contactRetained": true, "model": "CS75 PLUS",
                 "consultant": "wang.li",
                 "customer": {"kind": "ORGANIZATION", "name": "Chifeng Power Supply Co.", %s
                              "industry": "POWER_UTILITY", "organization": "Chifeng Power Supply Co."}}
                """.formatted(dealerId, externalRef, phone == null ? "" : "\"phone\": \"" + phone + "\",");
    }

    String capture(Caller caller, String body) {
        return as(caller).post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("leadId").toString();
    }

    /**
     * The radar.leads records that match, read from the start until {@code expected} came (or {@code wait}
     * has passed), and then a little longer, so that an unexpected extra record is seen too.
     */
    List<ConsumerRecord<String, byte[]>> leadEvents(Predicate<ConsumerRecord<String, byte[]>> wanted, Duration wait,
            int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(namespace.topic(Topics.LEADS)));
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                if (found.size() >= expected) {
                    deadline = Math.min(deadline, System.nanoTime() + LINGER.toNanos());
                }
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (wanted.test(r)) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    static Predicate<ConsumerRecord<String, byte[]>> ofDealer(String dealerId, String type) {
        return r -> dealerId.equals(header(r, "ce_dealerid")) && (type == null || type.equals(header(r, "ce_type")));
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static String payload(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    /** Publishes a defeat-service event into radar.defeats, keyed by its lead as defeat-service does. */
    void publishDefeatEvent(String leadId, EventEnvelope envelope) {
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafka().bootstrapServers(),
                CloudEventSerializer.ENCODING_CONFIG, "BINARY"), new StringSerializer(), new CloudEventSerializer())) {
            producer.send(new ProducerRecord<>(namespace.topic(Topics.DEFEATS), leadId,
                    CloudEventCodec.toCloudEvent(envelope))).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the defeat event", e);
        }
    }

    static byte[] json(Object payload) {
        return EventJson.write(payload);
    }
}
