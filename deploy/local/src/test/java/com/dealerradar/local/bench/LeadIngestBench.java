package com.dealerradar.local.bench;

import com.dealerradar.local.e2e.LocalStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Lead ingest through the gateway and against lead-service directly, on the local stack started from
 * the real jars: batches of 1,000 (leads/s accepted, and published as radar.lead.captured.v1 on
 * Kafka) and single posts from a few concurrent clients (requests/s, p50, p99). Prints one table.
 *
 * <p>Arguments (all optional): {@code batchLeads singlePosts clients}, default {@code 20000 2000 4}.
 */
public final class LeadIngestBench {

    private static final int BATCH_SIZE = 1000;
    private static final int BATCH_CLIENTS = 1;
    private static final Duration PUBLISH_WAIT = Duration.ofMinutes(3);
    private static final int ATTEMPTS = 5;
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(5);

    private final LocalStack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final InternalTokens tokens;
    private final int batchLeads;
    private final int singlePosts;
    private final int clients;
    private final AtomicInteger retries = new AtomicInteger();

    private LeadIngestBench(LocalStack stack, int batchLeads, int singlePosts, int clients) {
        this.stack = stack;
        this.tokens = new InternalTokens(stack.internalTokenSecret());
        this.batchLeads = batchLeads;
        this.singlePosts = singlePosts;
        this.clients = clients;
    }

    public static void main(String[] args) throws Exception {
        int batchLeads = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int singlePosts = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        System.out.println("Starting the local stack from the service jars...");
        int status = 1;
        try (LocalStack stack = LocalStack.start()) {
            LeadIngestBench bench = new LeadIngestBench(stack, batchLeads, singlePosts, clients);
            // Direct first: the store grows during the run, so the gateway meets the larger collection and
            // its measured overhead is an upper bound.
            Results direct = bench.measure(bench.directTarget("D-BENCH-DIRECT"));
            Results viaGateway = bench.measure(bench.gatewayTarget("D-BENCH-GW"));
            print(batchLeads, singlePosts, clients, viaGateway, direct);
            status = 0;
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            // Client threads of a failed run must not keep the JVM alive.
            System.exit(status);
        }
    }

    /** Where requests go and how they are authorised. */
    private record Target(String name, String dealerId, String baseUrl, String header, Supplier<String> credential) {}

    private record Results(double acceptedPerSecond, double publishedPerSecond, int accepted, int published,
            int retried, double requestsPerSecond, double p50Millis, double p99Millis) {}

    private Target gatewayTarget(String dealerId) throws Exception {
        registerDealer(dealerId);
        String key = send(stack.gatewayUrl(), "/api/keys", "X-Api-Key", stack.adminKey(),
                "{\"role\": \"DEALER\", \"dealerId\": \"" + dealerId + "\", \"label\": \"bench\"}").body();
        String apiKey = key.replaceAll(".*\"apiKey\":\"([^\"]+)\".*", "$1");
        return new Target("gateway", dealerId, stack.gatewayUrl(), "X-Api-Key", () -> apiKey);
    }

    private Target directTarget(String dealerId) throws Exception {
        registerDealer(dealerId);
        String url = "http://127.0.0.1:" + stack.servicePort("lead-service");
        return new Target("direct", dealerId, url, "Authorization",
                () -> "Bearer " + tokens.dealer("bench-" + dealerId, dealerId, Instant.now()));
    }

    private void registerDealer(String dealerId) throws Exception {
        HttpResponse<String> r = send(stack.gatewayUrl(), "/api/dealers", "X-Api-Key", stack.adminKey(),
                "{\"dealerId\": \"" + dealerId + "\", \"name\": \"Bench Motors\", \"region\": \"Bench\", \"brand\": \"Changan\"}");
        if (r.statusCode() != 201) {
            throw new IllegalStateException("cannot register " + dealerId + ": " + r.body());
        }
    }

    private Results measure(Target target) throws Exception {
        System.out.printf("%s: warming up...%n", target.name());
        postBatches(target, "warm", BATCH_SIZE);
        postSingles(target, "warm", 200);

        System.out.printf("%s: %,d leads in batches of %,d from %d clients...%n", target.name(), batchLeads,
                BATCH_SIZE, BATCH_CLIENTS);
        try (CapturedEvents events = CapturedEvents.from(stack.kafka().bootstrapServers(), target.dealerId(), "run-")) {
            retries.set(0);
            long start = System.nanoTime();
            int accepted = postBatches(target, "run", batchLeads);
            double acceptSeconds = (System.nanoTime() - start) / 1e9;
            long lastEvent = events.awaitCount(accepted, PUBLISH_WAIT);
            double publishSeconds = (lastEvent - start) / 1e9;

            System.out.printf("%s: %,d single posts from %d clients...%n", target.name(), singlePosts, clients);
            long[] latencies = new long[singlePosts];
            long singlesStart = System.nanoTime();
            postSingles(target, "one", singlePosts, latencies);
            double singleSeconds = (System.nanoTime() - singlesStart) / 1e9;
            Arrays.sort(latencies);
            return new Results(accepted / acceptSeconds, events.count() / publishSeconds, accepted, events.count(),
                    retries.get(), singlePosts / singleSeconds, percentile(latencies, 0.50), percentile(latencies, 0.99));
        }
    }

    /** Posts {@code leads} leads in batches; completes with how many were CREATED. */
    private int postBatches(Target target, String prefix, int leads) throws Exception {
        AtomicInteger nextBatch = new AtomicInteger();
        AtomicInteger created = new AtomicInteger();
        List<Long> batchMillis = Collections.synchronizedList(new ArrayList<>());
        int batches = (leads + BATCH_SIZE - 1) / BATCH_SIZE;
        ExecutorService pool = Executors.newFixedThreadPool(BATCH_CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < BATCH_CLIENTS; c++) {
            running.add(pool.submit(() -> {
                for (int b = nextBatch.getAndIncrement(); b < batches; b = nextBatch.getAndIncrement()) {
                    StringBuilder body = new StringBuilder("{\"items\":[");
                    for (int i = b * BATCH_SIZE; i < Math.min(leads, (b + 1) * BATCH_SIZE); i++) {
                        body.append(i == b * BATCH_SIZE ? "" : ",").append(lead(target.dealerId(), prefix + "-b-" + i, i));
                    }
                    String json = body.append("]}").toString();
                    long sent = System.nanoTime();
                    HttpResponse<String> r = postBatch(target, json);
                    batchMillis.add((System.nanoTime() - sent) / 1_000_000);
                    // A retried batch answers DUPLICATE for what its timed-out attempt stored: accepted all the same.
                    created.addAndGet(occurrences(r.body(), "\"CREATED\"") + occurrences(r.body(), "\"DUPLICATE\""));
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        List<Long> sorted = batchMillis.stream().sorted().toList();
        System.out.printf("  %d batches, response time min %d ms, median %d ms, max %d ms%n", sorted.size(),
                sorted.get(0), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
        return created.get();
    }

    /**
     * Posts one batch; when it fails on the server side (the gateway's timeout or open circuit, a store
     * error) posts it again, as a dealer system would: the batch is idempotent, a retry stores nothing twice.
     */
    private HttpResponse<String> postBatch(Target target, String json) throws Exception {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> r = send(target.baseUrl(), "/api/leads/batch", target.header(),
                    target.credential().get(), json);
            if (r.statusCode() == 200) {
                return r;
            }
            if (attempt == ATTEMPTS || r.statusCode() < 500) {
                throw new IllegalStateException("batch answered " + r.statusCode() + ": " + r.body());
            }
            retries.incrementAndGet();
            Thread.sleep(RETRY_PAUSE.toMillis());
        }
    }

    private void postSingles(Target target, String prefix, int posts) throws Exception {
        postSingles(target, prefix, posts, new long[posts]);
    }

    private void postSingles(Target target, String prefix, int posts, long[] latencies) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < posts; i = next.getAndIncrement()) {
                    String json = lead(target.dealerId(), prefix + "-s-" + i, 5_000_000 + i);
                    long start = System.nanoTime();
                    HttpResponse<String> r = send(target.baseUrl(), "/api/leads", target.header(),
                            target.credential().get(), json);
                    for (int attempt = 2; r.statusCode() >= 500 && attempt <= ATTEMPTS; attempt++) {
                        retries.incrementAndGet();
                        r = send(target.baseUrl(), "/api/leads", target.header(), target.credential().get(), json);
                    }
                    latencies[i] = System.nanoTime() - start;
                    if (r.statusCode() != 201 && r.statusCode() != 200) {
                        throw new IllegalStateException("single post answered " + r.statusCode() + ": " + r.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
    }

    private HttpResponse<String> send(String baseUrl, String path, String header, String credential, String json)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header(header, credential)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String lead(String dealerId, String externalRef, int n) {
        return ("{\"dealerId\":\"%s\",\"externalRef\":\"%s\",\"occurredAt\":\"2026-11-02T10:05:00+08:00\","
                + "\"channel\":\"SHOWROOM\",\"grade\":\"A\",\"contactRetained\":true,\"model\":\"CS75 PLUS\","
                + "\"consultant\":\"wang.li\",\"customer\":{\"kind\":\"ORGANIZATION\",\"name\":\"Bench Co. %d\","
                + "\"phone\":\"139%08d\",\"industry\":\"POWER_UTILITY\",\"organization\":\"Bench Co. %d\"}}")
                .formatted(dealerId, externalRef, n, n, n);
    }

    private static int occurrences(String text, String token) {
        int count = 0;
        for (int i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + 1)) {
            count++;
        }
        return count;
    }

    private static double percentile(long[] sortedNanos, double p) {
        int index = (int) Math.ceil(p * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    private static void print(int batchLeads, int singlePosts, int clients, Results gateway, Results direct) {
        System.out.printf("%nLead ingest, %,d leads in batches of %,d (%d concurrent batches), %,d single posts from %d clients%n",
                batchLeads, BATCH_SIZE, BATCH_CLIENTS, singlePosts, clients);
        System.out.printf("%-32s %14s %14s %16s%n", "", "gateway", "lead-service", "gateway/direct");
        row("batch leads/s accepted", gateway.acceptedPerSecond(), direct.acceptedPerSecond());
        row("batch leads/s published", gateway.publishedPerSecond(), direct.publishedPerSecond());
        row("single posts requests/s", gateway.requestsPerSecond(), direct.requestsPerSecond());
        row("single posts p50 ms", gateway.p50Millis(), direct.p50Millis());
        row("single posts p99 ms", gateway.p99Millis(), direct.p99Millis());
        System.out.printf("(accepted/published: gateway %,d/%,d, direct %,d/%,d; requests retried after a 5xx:"
                + " gateway %d, direct %d)%n", gateway.accepted(), gateway.published(), direct.accepted(),
                direct.published(), gateway.retried(), direct.retried());
    }

    private static void row(String label, double gateway, double direct) {
        System.out.printf("%-32s %14.1f %14.1f %16.2f%n", label, gateway, direct, gateway / direct);
    }

    /** Counts this dealer's radar.lead.captured.v1 records from now on, on a thread of its own. */
    private static final class CapturedEvents implements AutoCloseable {

        private final AtomicInteger count = new AtomicInteger();
        private final AtomicLong lastArrival = new AtomicLong();
        private final Thread reader;
        private volatile boolean running = true;

        private CapturedEvents(String bootstrapServers, String dealerId, String externalRefPrefix) {
            KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor("radar.leads").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            byte[] dealer = dealerId.getBytes(StandardCharsets.UTF_8);
            byte[] captured = "radar.lead.captured.v1".getBytes(StandardCharsets.UTF_8);
            String ofThisRun = "\"externalRef\":\"" + externalRefPrefix;
            reader = new Thread(() -> {
                try (consumer) {
                    while (running) {
                        consumer.poll(Duration.ofMillis(100)).forEach(r -> {
                            if (Arrays.equals(r.headers().lastHeader("ce_dealerid").value(), dealer)
                                    && Arrays.equals(r.headers().lastHeader("ce_type").value(), captured)
                                    && new String(r.value(), StandardCharsets.UTF_8).contains(ofThisRun)) {
                                count.incrementAndGet();
                                lastArrival.set(System.nanoTime());
                            }
                        });
                    }
                }
            }, "captured-events");
            reader.start();
        }

        static CapturedEvents from(String bootstrapServers, String dealerId, String externalRefPrefix) {
            return new CapturedEvents(bootstrapServers, dealerId, externalRefPrefix);
        }

        /** Waits until {@code expected} events arrived (or the wait is over); the arrival time of the last. */
        long awaitCount(int expected, Duration wait) throws InterruptedException {
            long deadline = System.nanoTime() + wait.toNanos();
            while (count.get() < expected && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            return lastArrival.get();
        }

        int count() {
            return count.get();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            reader.join();
        }
    }
}
