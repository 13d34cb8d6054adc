package com.dealerradar.local.bench;

import com.dealerradar.local.e2e.LocalStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the gateway adds to a cheap read: {@code GET /api/leads/{id}} through the gateway (DEALER API
 * key) and straight to lead-service (an internal token signed with the stack's secret, as the gateway
 * would), on the local stack started from the real jars. Both read the same leads of one dealer, in
 * alternating rounds (gateway first in odd rounds, direct first in even ones), so that drift in the
 * machine's load falls on both alike. Prints requests/s and latency percentiles for each, their ratio
 * and what the gateway adds, and the CPU time the gateway and lead-service processes spent per request
 * in each target's rounds (where the time goes when the machine's cores are the limit).
 *
 * <p>Both targets are first warmed up alike, in alternating rounds, until each has served {@code warmUp}
 * reads: the processes are fresh, and their compilers are still at work after the first few thousand
 * requests (a run with 2,000 warm-up reads each was still getting faster after 30,000), so what
 * is measured is each path at its steady pace, not how fast it warms up.
 *
 * <p>Arguments (all optional): {@code rounds requestsPerRound clients leads warmUp}, default
 * {@code 10 2000 4 200 20000}.
 */
public final class GatewayOverheadBench {

    private static final String DEALER = "D-BENCH-READ";
    private static final Pattern LEAD_ID = Pattern.compile("\"leadId\":\"([^\"]+)\"");

    private final LocalStack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final InternalTokens tokens;
    private final int clients;
    private List<String> leadIds;

    private GatewayOverheadBench(LocalStack stack, int clients) {
        this.stack = stack;
        this.tokens = new InternalTokens(stack.internalTokenSecret());
        this.clients = clients;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int leads = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 20_000;
        System.out.println("Starting the local stack from the service jars...");
        int status = 1;
        try (LocalStack stack = LocalStack.start()) {
            GatewayOverheadBench bench = new GatewayOverheadBench(stack, clients);
            String apiKey = bench.dealerWithLeads(leads);
            Target gateway = new Target("gateway", stack.gatewayUrl(), "X-Api-Key", apiKey);
            Target direct = new Target("direct", "http://127.0.0.1:" + stack.servicePort("lead-service"),
                    "Authorization", null);

            System.out.printf("Warming up both, %,d reads each...%n", warmUp);
            for (int served = 0; served < warmUp; served += perRound) {
                int requests = Math.min(perRound, warmUp - served);
                Round g = bench.round(gateway, requests);
                Round d = bench.round(direct, requests);
                System.out.printf("  warm-up: gateway %7.1f req/s, direct %7.1f req/s%n", g.requestsPerSecond(),
                        d.requestsPerSecond());
            }
            Totals viaGateway = new Totals();
            Totals straight = new Totals();
            for (int round = 1; round <= rounds; round++) {
                boolean gatewayFirst = round % 2 == 1;
                Round first = bench.round(gatewayFirst ? gateway : direct, perRound);
                Round second = bench.round(gatewayFirst ? direct : gateway, perRound);
                Round g = gatewayFirst ? first : second;
                Round d = gatewayFirst ? second : first;
                viaGateway.add(g);
                straight.add(d);
                System.out.printf("  round %2d: gateway %7.1f req/s, direct %7.1f req/s%n", round,
                        g.requestsPerSecond(), d.requestsPerSecond());
            }
            print(rounds, perRound, clients, leads, warmUp, viaGateway, straight);
            status = 0;
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            // Client threads of a failed run must not keep the JVM alive.
            System.exit(status);
        }
    }

    /** Where reads go and how they are authorised; a null credential means a fresh internal token per round. */
    private record Target(String name, String baseUrl, String header, String credential) {}

    private record Round(long[] latencies, double seconds, Duration gatewayCpu, Duration leadServiceCpu) {

        double requestsPerSecond() {
            return latencies.length / seconds;
        }
    }

    /** Every round's latencies and time of one target. */
    private static final class Totals {

        private final List<long[]> latencies = new ArrayList<>();
        private double seconds;
        private int requests;
        private Duration gatewayCpu = Duration.ZERO;
        private Duration leadServiceCpu = Duration.ZERO;

        void add(Round round) {
            latencies.add(round.latencies());
            seconds += round.seconds();
            requests += round.latencies().length;
            gatewayCpu = gatewayCpu.plus(round.gatewayCpu());
            leadServiceCpu = leadServiceCpu.plus(round.leadServiceCpu());
        }

        double gatewayCpuMillisPerRequest() {
            return gatewayCpu.toNanos() / 1e6 / requests;
        }

        double leadServiceCpuMillisPerRequest() {
            return leadServiceCpu.toNanos() / 1e6 / requests;
        }

        double requestsPerSecond() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            int index = (int) Math.ceil(p * all.length) - 1;
            return all[Math.max(0, index)] / 1e6;
        }
    }

    /** A dealer, a DEALER key for it, and {@code leads} leads posted through the gateway; answers the key. */
    private String dealerWithLeads(int leads) throws Exception {
        HttpResponse<String> dealer = post("/api/dealers", stack.adminKey(),
                "{\"dealerId\": \"" + DEALER + "\", \"name\": \"Bench Motors\", \"region\": \"Bench\", \"brand\": \"Changan\"}");
        require(dealer, 201);
        HttpResponse<String> key = post("/api/keys", stack.adminKey(),
                "{\"role\": \"DEALER\", \"dealerId\": \"" + DEALER + "\", \"label\": \"bench\"}");
        require(key, 201);
        String apiKey = key.body().replaceAll(".*\"apiKey\":\"([^\"]+)\".*", "$1");
        StringBuilder batch = new StringBuilder("{\"items\":[");
        for (int i = 0; i < leads; i++) {
            batch.append(i == 0 ? "" : ",").append(lead(i));
        }
        HttpResponse<String> created = post("/api/leads/batch", apiKey, batch.append("]}").toString());
        require(created, 200);
        List<String> ids = new ArrayList<>();
        Matcher m = LEAD_ID.matcher(created.body());
        while (m.find()) {
            ids.add(m.group(1));
        }
        if (ids.size() != leads) {
            throw new IllegalStateException("expected " + leads + " leads, got " + ids.size() + ": " + created.body());
        }
        leadIds = ids;
        return apiKey;
    }

    /** {@code requests} reads of the dealer's leads from {@code clients} threads; every answer must be 200. */
    private Round round(Target target, int requests) throws Exception {
        String credential = target.credential() != null ? target.credential()
                : "Bearer " + tokens.dealer("bench-direct", DEALER, Instant.now());
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        Duration gatewayCpuBefore = cpuOf("gateway");
        Duration leadServiceCpuBefore = cpuOf("lead-service");
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    HttpRequest request = HttpRequest.newBuilder(
                                    URI.create(target.baseUrl() + "/api/leads/" + leadIds.get(i % leadIds.size())))
                            .timeout(Duration.ofSeconds(30)).header(target.header(), credential).GET().build();
                    long sent = System.nanoTime();
                    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                    latencies[i] = System.nanoTime() - sent;
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(target.name() + " answered " + r.statusCode() + ": " + r.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Round(latencies, seconds, cpuOf("gateway").minus(gatewayCpuBefore),
                cpuOf("lead-service").minus(leadServiceCpuBefore));
    }

    /** CPU time the service's process (a child of this JVM, started from its jar) has used so far. */
    private static Duration cpuOf(String module) {
        String jar = "/" + module + "-0.1.0-SNAPSHOT.jar";
        return ProcessHandle.current().children()
                .filter(child -> child.info().arguments().map(args -> Arrays.stream(args).anyMatch(a -> a.endsWith(jar)))
                        .orElse(false))
                .map(child -> child.info().totalCpuDuration().orElse(Duration.ZERO))
                .findFirst().orElse(Duration.ZERO);
    }

    private HttpResponse<String> post(String path, String apiKey, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("X-Api-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void require(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static String lead(int n) {
        return ("{\"dealerId\":\"%s\",\"externalRef\":\"read-%d\",\"occurredAt\":\"2026-11-02T10:05:00+08:00\","
                + "\"channel\":\"SHOWROOM\",\"grade\":\"A\",\"contactRetained\":true,\"model\":\"CS75 PLUS\","
                + "\"consultant\":\"wang.li\",\"customer\":{\"kind\":\"INDIVIDUAL\",\"name\":\"Reader %d\","
                + "\"phone\":\"137%08d\"}}").formatted(DEALER, n, n, n);
    }

    private static void print(int rounds, int perRound, int clients, int leads, int warmUp, Totals gateway, Totals direct) {
        System.out.printf("%nGateway overhead: GET /api/leads/{id} on %d leads of one dealer, %d rounds of %,d requests"
                + " per target (alternating) after %,d each to warm up, %d clients%n", leads, rounds, perRound, warmUp, clients);
        System.out.printf("%-28s %12s %14s %16s %12s%n", "", "gateway", "lead-service", "gateway/direct", "added");
        System.out.printf("%-28s %12.1f %14.1f %16.2f %12s%n", "requests/s", gateway.requestsPerSecond(),
                direct.requestsPerSecond(), gateway.requestsPerSecond() / direct.requestsPerSecond(), "");
        for (double p : new double[] {0.50, 0.90, 0.99}) {
            double g = gateway.percentileMillis(p);
            double d = direct.percentileMillis(p);
            System.out.printf("%-28s %12.2f %14.2f %16.2f %12s%n", "p" + Math.round(p * 100) + " ms", g, d, g / d,
                    String.format("%+.2f ms", g - d));
        }
        System.out.printf("%-28s %12.2f %14.2f%n", "gateway CPU ms/request", gateway.gatewayCpuMillisPerRequest(),
                direct.gatewayCpuMillisPerRequest());
        System.out.printf("%-28s %12.2f %14.2f%n", "lead-service CPU ms/request", gateway.leadServiceCpuMillisPerRequest(),
                direct.leadServiceCpuMillisPerRequest());
    }
}
