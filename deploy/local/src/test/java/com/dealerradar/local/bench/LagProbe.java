package com.dealerradar.local.bench;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Analytics lag under steady load: while background batches of live leads (captured as they are posted)
 * arrive at a fixed rate, a probe dealer posts one live lead at a time and polls its own structure until
 * the lead is counted, then its region's (as headquarters sees it) until it is counted there too.
 * <p>
 * It polls every {@code poll}, so a lag is measured up to one {@code poll} long. Each poll is a dashboard
 * query through the gateway, a load of its own on what it measures: the result says how many queries a
 * second the probe sent (about 22 at 5 ms, 8 at 50 ms; the lag was not shorter at 50 ms).
 */
final class LagProbe {

    private static final int BACKGROUND_BATCH = 20;
    private static final String PROBE_DEALER = "D-PROBE-01";
    private static final String PROBE_REGION = "Probe";
    private static final Pattern CAPTURED = Pattern.compile("\"captured\":(\\d+)");

    private final ApiCalls api;
    private final String adminKey;
    private final List<String> dealerKeys;
    private final Workload workload;
    private final Duration poll;
    private int polls;

    LagProbe(ApiCalls api, String adminKey, List<String> dealerKeys, Workload workload, Duration poll) {
        this.api = api;
        this.adminKey = adminKey;
        this.dealerKeys = dealerKeys;
        this.workload = workload;
        this.poll = poll;
    }

    record Lags(double p50, double p99, double max) {

        static Lags of(List<Probe> probes, ToLongFunction<Probe> nanos) {
            long[] all = probes.stream().mapToLong(nanos).toArray();
            return new Lags(Percentiles.of(all, 0.50), Percentiles.of(all, 0.99), Percentiles.of(all, 1.0));
        }
    }

    /** One probe lead: when it was posted (ms since the epoch), and how long until its dealer's and its region's figures counted it. */
    record Probe(long postedAtMillis, long dealerNanos, long regionNanos) {

        long dealerMillis() {
            return dealerNanos / 1_000_000;
        }

        long regionMillis() {
            return regionNanos / 1_000_000;
        }
    }

    /** {@code dealer}: until the probe dealer's own structure counts the lead; {@code region}: its region's. */
    record Result(double rate, double pollsPerSecond, Lags dealer, Lags region, List<Probe> probes) {}

    Result run(double leadsPerSecond, Duration duration, long firstLeadNumber) throws Exception {
        api.post("/api/dealers", adminKey, """
                {"dealerId": "%s", "name": "Probe Motors", "region": "%s", "brand": "Changan"}""".formatted(PROBE_DEALER, PROBE_REGION), 201);
        String probeKey = api.post("/api/keys", adminKey, """
                {"role": "DEALER", "dealerId": "%s", "label": "lag probe"}""".formatted(PROBE_DEALER), 201)
                .replaceAll(".*\"apiKey\":\"([^\"]+)\".*", "$1");
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        Thread background = new Thread(() -> paced(leadsPerSecond, end, firstLeadNumber), "paced-load");
        background.start();
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; System.nanoTime() < end; i++) {
            String lead = ("{\"dealerId\":\"%s\",\"externalRef\":\"probe-%d\",\"occurredAt\":\"%s\","
                    + "\"channel\":\"SHOWROOM\",\"grade\":\"A\",\"contactRetained\":true,\"model\":\"CS75 PLUS\","
                    + "\"customer\":{\"kind\":\"INDIVIDUAL\",\"name\":\"Probe %d\",\"phone\":\"137%08d\"}}")
                    .formatted(PROBE_DEALER, i, now(), i, i);
            api.postRetrying("/api/leads", probeKey, lead, 201);
            long posted = System.nanoTime();
            long postedAt = System.currentTimeMillis();
            while (captured("dealerId=" + PROBE_DEALER, probeKey) <= i) {
                Thread.sleep(poll.toMillis());
            }
            long dealerLag = System.nanoTime() - posted;
            while (captured("region=" + PROBE_REGION, adminKey) <= i) {
                Thread.sleep(poll.toMillis());
            }
            probes.add(new Probe(postedAt, dealerLag, System.nanoTime() - posted));
            Thread.sleep(100);
        }
        background.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(leadsPerSecond, polls / seconds, Lags.of(probes, Probe::dealerNanos),
                Lags.of(probes, Probe::regionNanos), probes);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
    }

    private long captured(String scope, String key) throws Exception {
        polls++;
        Matcher m = CAPTURED.matcher(api.get("/api/analytics/structure?" + scope, key));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private void paced(double leadsPerSecond, long end, long firstLeadNumber) {
        long interval = (long) (BACKGROUND_BATCH / leadsPerSecond * 1e9);
        long next = System.nanoTime();
        long n = firstLeadNumber + 20_000_000L;
        while (next < end) {
            int dealer = (int) (n / BACKGROUND_BATCH % dealerKeys.size());
            List<Workload.PostedLead> batch = new ArrayList<>();
            for (int i = 0; i < BACKGROUND_BATCH; i++) {
                batch.add(workload.liveLead(n++, dealer, now()));
            }
            api.postRetrying("/api/leads/batch", dealerKeys.get(dealer), Workload.batch(batch), 200);
            next += interval;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
