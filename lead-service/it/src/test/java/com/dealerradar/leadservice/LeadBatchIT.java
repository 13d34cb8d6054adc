package com.dealerradar.leadservice;

import static com.dealerradar.leadservice.LeadServiceClient.admin;
import static com.dealerradar.leadservice.LeadServiceClient.dealerKey;
import static com.dealerradar.leadservice.LeadServiceClient.lead;
import static com.dealerradar.leadservice.LeadServiceClient.ofDealer;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.events.EventTypes;
import com.dealerradar.platform.security.Caller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/** Batches and concurrent duplicates leave exactly the expected leads and captured events. */
@SharedLeadServiceContext
class LeadBatchIT {

    @LocalServerPort
    int port;

    private LeadServiceClient client;
    private final String dealer = LeadServiceClient.newDealerId();

    @BeforeEach
    void registerDealer() {
        client = new LeadServiceClient(port, getClass());
        client.registerDealer(dealer, "Ordos");
    }

    @Test
    void theSameThousandLeadsPostedTwiceAreStoredAndPublishedOnce() {
        String batch = batchOf(IntStream.range(0, 1000).mapToObj(i -> lead(dealer, "b-" + i, "139" + String.format("%08d", i))).toList());

        List<Map<String, Object>> first = post(batch);
        assertThat(first).hasSize(1000).allSatisfy(r -> assertThat(r.get("outcome")).isEqualTo("CREATED"));
        assertThat(first).extracting(r -> r.get("index")).containsExactlyElementsOf(IntStream.range(0, 1000).boxed().toList());

        List<Map<String, Object>> second = post(batch);
        assertThat(second).allSatisfy(r -> assertThat(r.get("outcome")).isEqualTo("DUPLICATE"));
        assertThat(second.stream().map(r -> r.get("leadId")).toList())
                .isEqualTo(first.stream().map(r -> r.get("leadId")).toList());

        client.as(dealerKey(dealer)).get().uri("/api/leads?size=1").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(1000);
        var events = client.leadEvents(ofDealer(dealer, EventTypes.LEAD_CAPTURED), Duration.ofSeconds(60), 1000);
        assertThat(events).hasSize(1000);
        assertThat(events.stream().map(r -> r.key()).collect(Collectors.toSet()))
                .isEqualTo(first.stream().map(r -> r.get("leadId")).collect(Collectors.toSet()));
    }

    @Test
    void oneBadItemNeverRejectsTheOthers() {
        List<String> items = new ArrayList<>();
        items.add(lead(dealer, "mix-0", null));
        items.add(lead(dealer, "mix-1", null).replace("\"SHOWROOM\"", "\"TELEPATHY\""));
        items.add(lead(dealer, "mix-2", null).replace("\"occurredAt\": \"2026-11-02T10:05:00+08:00\",", ""));
        items.add(lead("D-NOWHERE", "mix-3", null));
        items.add(lead(dealer, "mix-0", null));
        items.add(lead(dealer, "mix-0", "13800001111"));
        items.add(lead(dealer, "mix-6", null).replace("\"ORGANIZATION\"", "\"INDIVIDUAL\""));
        items.add("42");

        List<Map<String, Object>> results = post(batchOf(items));

        assertThat(results).extracting(r -> r.get("outcome")).containsExactly(
                "CREATED", "REJECTED", "REJECTED", "REJECTED", "DUPLICATE", "REJECTED", "REJECTED", "REJECTED");
        assertThat(results.get(4).get("leadId")).isEqualTo(results.get(0).get("leadId"));
        assertThat(problem(results.get(1))).containsEntry("status", 400);
        assertThat(fields(results.get(1))).containsExactly("channel");
        assertThat(fields(results.get(2))).containsExactly("occurredAt");
        assertThat(problem(results.get(3))).containsEntry("status", 403);
        assertThat(problem(results.get(5))).containsEntry("status", 409);
        assertThat(fields(results.get(6))).containsExactly("customer.industry");
        assertThat(problem(results.get(1)).get("type").toString()).startsWith("https://");

        var adminResults = postAs(admin(), batchOf(List.of(lead("D-NOWHERE", "mix-3", null))));
        assertThat(problem(adminResults.get(0))).containsEntry("status", 422);
    }

    @Test
    void moreThanAThousandItemsIsTooLarge() {
        String batch = batchOf(IntStream.range(0, 1001).mapToObj(i -> lead(dealer, "big-" + i, null)).toList());
        client.as(dealerKey(dealer)).post().uri("/api/leads/batch").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(batch).exchange().expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.as(dealerKey(dealer)).get().uri("/api/leads?size=1").exchange().expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void fiftyConcurrentIdenticalPostsCreateOneLeadAndOneEvent() throws Exception {
        String body = lead(dealer, "same-1", "13700001234");
        var pool = Executors.newFixedThreadPool(50);
        var start = new CountDownLatch(1);
        List<Future<Map<String, Object>>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                var result = client.as(dealerKey(dealer)).post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body).exchange().expectBody(Map.class).returnResult();
                @SuppressWarnings("unchecked")
                Map<String, Object> answer = Map.of("status", result.getStatus().value(),
                        "leadId", String.valueOf(result.getResponseBody().get("leadId")));
                return answer;
            }));
        }
        start.countDown();
        List<Map<String, Object>> answers = new ArrayList<>();
        for (var f : futures) {
            answers.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(answers.stream().filter(a -> a.get("status").equals(201)).count()).isEqualTo(1);
        assertThat(answers.stream().filter(a -> a.get("status").equals(200)).count()).isEqualTo(49);
        assertThat(new HashSet<>(answers.stream().map(a -> a.get("leadId")).toList())).hasSize(1);
        client.as(dealerKey(dealer)).get().uri("/api/leads").exchange().expectBody().jsonPath("$.total").isEqualTo(1);
        assertThat(client.leadEvents(ofDealer(dealer, EventTypes.LEAD_CAPTURED), Duration.ofSeconds(8), 1)).hasSize(1);
    }

    private List<Map<String, Object>> post(String batch) {
        return postAs(dealerKey(dealer), batch);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> postAs(Caller caller, String batch) {
        Map<String, Object> body = client.as(caller).post().uri("/api/leads/batch").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(batch).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (List<Map<String, Object>>) body.get("results");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> problem(Map<String, Object> result) {
        return (Map<String, Object>) result.get("problem");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> fields(Map<String, Object> result) {
        return ((List<Map<String, Object>>) problem(result).get("errors")).stream().map(e -> e.get("field")).toList();
    }

    private static String batchOf(List<String> items) {
        return "{\"items\": [" + String.join(",", items) + "]}";
    }
}
