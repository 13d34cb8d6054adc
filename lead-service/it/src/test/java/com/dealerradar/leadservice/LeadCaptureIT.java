package com.dealerradar.leadservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.events.EventTypes;
import com.dealerradar.events.Topics;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.InternalToken;
import com.dealerradar.platform.security.Role;
import com.dealerradar.testkit.Endpoints;
import com.dealerradar.testkit.Namespace;
import com.dealerradar.testkit.SharedInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** lead-service on the embedded store and broker: directory, capture, idempotency, scoping, errors, events. */
@SharedLeadServiceContext
class LeadCaptureIT {

    private static final InternalToken TOKENS = new InternalToken(SharedInfrastructure.INTERNAL_TOKEN_SECRET);

    @LocalServerPort
    int port;

    private WebTestClient http;
    private final String dealer = "D-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void registerDealer() {
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(20)).build();
        as(admin()).post().uri("/api/dealers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("dealerId", dealer, "name", "Chifeng Motors", "region", "Chifeng", "brand", "Changan"))
                .exchange().expectStatus().isCreated();
    }

    @Test
    void capturesALeadOnceAndPublishesItOnce() {
        String body = lead(dealer, "crm-1", "13800005678");
        Map<?, ?> created = as(dealerKey(dealer)).post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String leadId = created.get("leadId").toString();
        assertThat(created.get("region")).isEqualTo("Chifeng");
        assertThat(created.get("status")).isEqualTo("OPEN");
        assertThat(created.get("version")).isEqualTo(1);
        assertThat(((Map<?, ?>) created.get("customer")).get("phone")).isEqualTo("138****5678");

        as(dealerKey(dealer)).post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.leadId").isEqualTo(leadId);

        as(dealerKey(dealer)).post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(lead(dealer, "crm-1", "13900001111"))
                .exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        List<ConsumerRecord<String, byte[]>> events = leadEvents(Duration.ofSeconds(10), 1);
        assertThat(events).hasSize(1);
        ConsumerRecord<String, byte[]> captured = events.get(0);
        assertThat(captured.key()).isEqualTo(leadId);
        assertThat(header(captured, "ce_type")).isEqualTo(EventTypes.LEAD_CAPTURED);
        assertThat(header(captured, "ce_dealerid")).isEqualTo(dealer);
        assertThat(header(captured, "ce_sequence")).isEqualTo("1");
        String payload = new String(captured.value(), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"phoneHash\"").doesNotContain("13800005678").doesNotContain("5678\"");
    }

    @Test
    void aDealerKeyPostsOnlyForItsOwnDealer() {
        as(dealerKey("D-OTHER")).post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(lead(dealer, "crm-x", null)).exchange().expectStatus().isForbidden();
    }

    @Test
    void anotherDealersLeadIsNotFound() {
        as(dealerKey(dealer)).post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(lead(dealer, "crm-2", null)).exchange().expectStatus().isCreated();
        String leadId = readLeadId(dealer, "crm-2");
        as(dealerKey(dealer)).get().uri("/api/leads/" + leadId).exchange().expectStatus().isOk();
        as(dealerKey("D-OTHER")).get().uri("/api/leads/" + leadId).exchange().expectStatus().isNotFound();
    }

    @Test
    void withoutTheGatewaysTokenItIsUnauthorized() {
        http.get().uri("/api/dealers").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/dealers").header("Authorization", "Bearer not-a-token").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        as(dealerKey(dealer)).post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"dealerId\": ").exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body");
        as(dealerKey(dealer)).post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(lead(dealer, "crm-3", null).replace("\"SHOWROOM\"", "\"TELEPATHY\"")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("channel");
        as(dealerKey(dealer)).post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(lead(dealer, "crm-4", null).replace("\"occurredAt\"", "\"when\"")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("occurredAt");
        as(dealerKey(dealer)).post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(lead("D-NOWHERE", "crm-5", null)).exchange().expectStatus().isForbidden();
        as(admin()).post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(lead("D-NOWHERE", "crm-5", null)).exchange().expectStatus().isEqualTo(422);
        assertThat(leadEvents(Duration.ofSeconds(2), 1)).isEmpty();
    }

    private String readLeadId(String dealerId, String externalRef) {
        return as(dealerKey(dealerId)).post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(lead(dealerId, externalRef, null))
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("leadId").toString();
    }

    private List<ConsumerRecord<String, byte[]>> leadEvents(Duration wait, int enough) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Endpoints.of(getClass()).kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Namespace.of(getClass()).topic(Topics.LEADS)));
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (dealer.equals(header(r, "ce_dealerid"))) {
                        mine.add(r);
                    }
                });
                if (mine.size() > enough) {
                    break;
                }
            }
        }
        return mine;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String lead(String dealerId, String externalRef, String phone) {
        return """
                {"dealerId": "%s", "externalRef": "%s", "occurredAt": "2026-11-02T10:05:00+08:00",
                 "channel": "SHOWROOM", "grade": "A", "contactRetained": true, "model": "CS75 PLUS",
                 "consultant": "wang.li",
                 "customer": {"kind": "ORGANIZATION", "name": "Chifeng Power Supply Co.", %s
                              "industry": "POWER_UTILITY", "organization": "Chifeng Power Supply Co."}}
                """.formatted(dealerId, externalRef, phone == null ? "" : "\"phone\": \"" + phone + "\",");
    }

    private WebTestClient as(Caller caller) {
        String token = TOKENS.sign(caller, "lead-service", Instant.now());
        return http.mutate().defaultHeader("Authorization", "Bearer " + token).build();
    }

    private static Caller admin() {
        return new Caller("admin", Role.ADMIN, null, null);
    }

    private static Caller dealerKey(String dealerId) {
        return new Caller("k-" + dealerId, Role.DEALER, dealerId, null);
    }
}
