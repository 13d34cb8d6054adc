package com.dealerradar.local.bench;

import com.dealerradar.local.e2e.LocalStack;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ingest growth on the whole local stack through the gateway: a 60-dealer group over the last twelve
 * months, posted slice by slice through the public API (leads in batches, follow-ups, loss reports and
 * callbacks one by one), with per-slice rates, single-post latency and analytics lag. Then, once every
 * service has read everything the slices left (their follow-ups, losses and callbacks, and the detectors'
 * announcements for an imported year), a paced run of live leads at half the first slice's rate measures
 * how long a single lead takes to show in analytics, and the stack's GC pauses are laid beside the slowest
 * probes. The broker and the store run as processes of their own with run.sh's settings, as a user's local
 * stack does, so that each process's pauses (and profile) are its own.
 *
 * <p>Arguments (all optional): {@code slices sliceLeads probePollMillis pacedLeadsPerSecond}, default
 * {@code 10 20000 5} (200,000 leads, the probe polling every 5 ms) and half the first slice's rate. A
 * fixed paced rate lets two runs be compared under the same load.
 */
public final class IngestGrowthBench {

    private static final int REGIONS = 12;
    private static final int DEALERS_PER_REGION = 5;
    private static final int SINGLE_POSTS_PER_SLICE = 300;
    private static final int CLIENTS = 4;
    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(10);
    /** Long enough for about a hundred probes, so that the p99 is not simply the slowest one. */
    private static final Duration PACED_RUN = Duration.ofSeconds(120);
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(30);
    private static final int SLOWEST_PROBES = 5;
    private static final int SLOW_PAUSE_MILLIS = 50;
    private static final Pattern BATCH_RESULT =
            Pattern.compile("\\{\"index\":(\\d+),\"outcome\":\"(CREATED|DUPLICATE)\",\"leadId\":\"([^\"]+)\"");
    private static final Pattern DEFEAT_ID = Pattern.compile("\"defeatId\":\"([^\"]+)\"");
    private static final Pattern CAPTURED = Pattern.compile("\"captured\":(\\d+)");

    private final ApiCalls api;
    private final String kafkaBootstrapServers;
    private final Workload workload;
    private final String adminKey;
    private final AnalyticsTimings analyticsTimings;
    private final Path stackLogs;
    private final List<String> dealerKeys = new ArrayList<>();
    private long leadsPosted;

    private IngestGrowthBench(LocalStack stack, long seed) {
        this.api = new ApiCalls(stack.gatewayUrl());
        this.kafkaBootstrapServers = stack.kafkaBootstrapServers();
        this.analyticsTimings = new AnalyticsTimings(stack.servicePort("analytics-service"));
        this.stackLogs = stack.dataDir().resolve("logs");
        this.workload = new Workload(new Random(seed), OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1));
        this.adminKey = stack.adminKey();
    }

    public static void main(String[] args) throws Exception {
        int slices = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int sliceLeads = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Duration probePoll = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 5);
        Double pacedRate = args.length > 3 ? Double.valueOf(args[3]) : null;
        System.out.println("Starting the local stack from the service jars...");
        int status = 1;
        try (LocalStack stack = LocalStack.startWithInfrastructureProcesses()) {
            IngestGrowthBench bench = new IngestGrowthBench(stack, 20261130L);
            bench.registerGroup();
            List<SliceResult> results = new ArrayList<>();
            System.out.println(SliceResult.HEADER);
            for (int s = 0; s < slices; s++) {
                SliceResult result = bench.slice(s, sliceLeads);
                results.add(result);
                System.out.println(result.row());
            }
            double rate = pacedRate != null ? pacedRate : results.get(0).acceptedLeadsPerSecond() / 2;
            LagProbe.Result lag = bench.pacedLag(rate, probePoll);
            System.out.printf("%nAnalytics lag at %.0f leads/s (%s), %d probes polling every %d ms (%.0f queries/s): "
                    + "in the dealer's own figures p50 %.0f ms, p99 %.0f ms, max %.0f ms; "
                    + "in its region's p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", lag.rate(),
                    pacedRate != null ? "as given" : "half the first slice's rate", lag.probes().size(),
                    probePoll.toMillis(), lag.pollsPerSecond(),
                    lag.dealer().p50(), lag.dealer().p99(), lag.dealer().max(),
                    lag.region().p50(), lag.region().p99(), lag.region().max());
            System.out.printf("Last slice's rate / first slice's: %.2f; requests retried after a 5xx: %d%n",
                    results.get(results.size() - 1).acceptedLeadsPerSecond() / results.get(0).acceptedLeadsPerSecond(),
                    bench.api.retries());
            status = 0;
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            System.exit(status);
        }
    }

    private void registerGroup() throws Exception {
        for (int r = 0; r < REGIONS; r++) {
            for (int d = 0; d < DEALERS_PER_REGION; d++) {
                String dealerId = Workload.dealerId(r, d);
                api.post("/api/dealers", adminKey, """
                        {"dealerId": "%s", "name": "%s Motors %d", "region": "%s", "brand": "Changan"}"""
                        .formatted(dealerId, Workload.region(r), d, Workload.region(r)), 201);
                String issued = api.post("/api/keys", adminKey, """
                        {"role": "DEALER", "dealerId": "%s", "label": "ingest bench"}""".formatted(dealerId), 201);
                dealerKeys.add(issued.replaceAll(".*\"apiKey\":\"([^\"]+)\".*", "$1"));
            }
        }
    }

    private SliceResult slice(int index, int sliceLeads) throws Exception {
        int dealers = dealerKeys.size();
        List<Workload.PostedLead> leads = new ArrayList<>();
        long start = System.nanoTime();
        // Each dealer's system posts its share of the slice as one batch (at most 1,000 items each).
        List<Runnable> batches = new ArrayList<>();
        List<List<Workload.PostedLead>> perDealer = new ArrayList<>();
        for (int d = 0; d < dealers; d++) {
            perDealer.add(new ArrayList<>());
        }
        for (int i = 0; i < sliceLeads; i++) {
            long n = leadsPosted + i;
            perDealer.get((int) (n % dealers)).add(workload.lead(n, (int) (n % dealers)));
        }
        for (int d = 0; d < dealers; d++) {
            List<Workload.PostedLead> share = perDealer.get(d);
            String key = dealerKeys.get(d);
            for (int from = 0; from < share.size(); from += 1000) {
                List<Workload.PostedLead> chunk = share.subList(from, Math.min(share.size(), from + 1000));
                batches.add(() -> {
                    String body = api.postRetrying("/api/leads/batch", key, Workload.batch(chunk), 200);
                    Matcher results = BATCH_RESULT.matcher(body);
                    int stored = 0;
                    for (; results.find(); stored++) {
                        chunk.get(Integer.parseInt(results.group(1))).leadId(results.group(3));
                    }
                    if (stored != chunk.size()) {
                        throw new IllegalStateException("batch stored " + stored + " of " + chunk.size() + ": " + body);
                    }
                    synchronized (leads) {
                        leads.addAll(chunk);
                    }
                });
            }
        }
        Parallel.run(2, batches);
        long accepted = System.nanoTime();
        leadsPosted += sliceLeads;
        double leadLagMillis = awaitCaptured(leadsPosted, accepted);

        long[] latencies = new long[SINGLE_POSTS_PER_SLICE];
        List<Runnable> singles = new ArrayList<>();
        for (int i = 0; i < SINGLE_POSTS_PER_SLICE; i++) {
            int slot = i;
            long n = 10_000_000L + (long) index * SINGLE_POSTS_PER_SLICE + i;
            int dealer = (int) (n % dealers);
            Workload.PostedLead lead = workload.lead(n, dealer);
            singles.add(() -> {
                long sent = System.nanoTime();
                api.postRetrying("/api/leads", dealerKeys.get(dealer), lead.json(), 201);
                latencies[slot] = System.nanoTime() - sent;
            });
        }
        Parallel.run(CLIENTS, singles);
        leadsPosted += SINGLE_POSTS_PER_SLICE;

        long activityStart = System.nanoTime();
        int activities = postActivities(leads);
        double activitiesPerSecond = activities / ((System.nanoTime() - activityStart) / 1e9);
        double sliceLagMillis = awaitCaptured(leadsPosted, System.nanoTime());
        return new SliceResult(index, leadsPosted, sliceLeads / ((accepted - start) / 1e9),
                Percentiles.of(latencies, 0.50), Percentiles.of(latencies, 0.99), leadLagMillis,
                activitiesPerSecond, sliceLagMillis);
    }

    /** Follow-ups, deals, loss reports and callbacks for the slice's leads, from a few concurrent clients. */
    private int postActivities(List<Workload.PostedLead> leads) throws Exception {
        List<Runnable> calls = new ArrayList<>();
        int[] count = new int[1];
        for (Workload.PostedLead lead : leads) {
            String key = dealerKeys.get(lead.dealerIndex());
            Workload.Activities plan = workload.activities(lead);
            count[0] += plan.count();
            calls.add(() -> {
                for (String followUp : plan.followUps()) {
                    // 202: followup-service has not seen the lead's capture yet and settles it when it does.
                    api.postRetrying("/api/follow-ups", key, followUp, 201, 202);
                }
                if (plan.deal() != null) {
                    api.postRetrying("/api/leads/" + lead.leadId() + "/deal", key, plan.deal(), 200);
                }
                if (plan.defeat() != null) {
                    // 409: followup-service found the imported lead long unconverted and defeat-service
                    // already opened an at-risk case on it; a lead has one unsettled loss at a time.
                    String defeat = api.postRetrying("/api/defeats", key, plan.defeat(), 201, 409);
                    Matcher id = DEFEAT_ID.matcher(defeat);
                    if (plan.callback() != null && id.find()) {
                        api.postRetrying("/api/defeats/" + id.group(1) + "/callbacks", key, plan.callback(), 200);
                    }
                }
            });
        }
        Parallel.run(CLIENTS * 2, calls);
        return count[0];
    }

    /** Milliseconds from {@code since} until the group's structure counts {@code expected} captured leads. */
    private double awaitCaptured(long expected, long since) throws Exception {
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher captured = CAPTURED.matcher(api.get("/api/analytics/structure", adminKey));
            if (captured.find() && Long.parseLong(captured.group(1)) >= expected) {
                return (System.nanoTime() - since) / 1e6;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("analytics did not count " + expected + " leads within " + CATCH_UP_LIMIT);
    }

    private LagProbe.Result pacedLag(double leadsPerSecond, Duration probePoll) throws Exception {
        try (Backlog backlog = new Backlog(kafkaBootstrapServers)) {
            System.out.printf("%nThe services read what the slices left in %.0f s",
                    backlog.awaitDrained(DRAIN_LIMIT).toMillis() / 1e3);
        }
        System.out.printf("; analytics flushed the rest in %.0f s%n", analyticsTimings.awaitFlushed(DRAIN_LIMIT).toMillis() / 1e3);
        LagProbe probe = new LagProbe(api, adminKey, dealerKeys, workload, probePoll);
        Map<String, Double> before = analyticsTimings.read();
        LagProbe.Result result = probe.run(leadsPerSecond, PACED_RUN, leadsPosted);
        System.out.printf("%nInside analytics-service meanwhile (its own timers):%n%s",
                AnalyticsTimings.describe(before, analyticsTimings.read()));
        describePauses(result.probes());
        return result;
    }

    /** The stack's GC pauses during the paced run, and those that overlapped the slowest probes' wait for their dealer's figures. */
    private void describePauses(List<LagProbe.Probe> probes) {
        if (probes.isEmpty()) {
            return;
        }
        GcPauses pauses = GcPauses.read(stackLogs);
        LagProbe.Probe last = probes.get(probes.size() - 1);
        System.out.printf("%nThe stack's GC pauses meanwhile:%n%s", pauses.describe(probes.get(0).postedAtMillis(),
                last.postedAtMillis() + last.regionMillis()));
        System.out.printf("The slowest probes (dealer lag, region lag) and the pauses of %d ms or more during the first:%n", SLOW_PAUSE_MILLIS);
        probes.stream().sorted(Comparator.comparingLong(LagProbe.Probe::dealerMillis).reversed()).limit(SLOWEST_PROBES)
                .forEach(p -> System.out.printf("  %s %,6d ms %,6d ms  %s%n", LocalTime.ofInstant(Instant.ofEpochMilli(p.postedAtMillis()),
                        ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS), p.dealerMillis(), p.regionMillis(),
                        pauses.within(p.postedAtMillis(), p.postedAtMillis() + p.dealerMillis(), SLOW_PAUSE_MILLIS)));
    }

    record SliceResult(int index, long totalLeads, double acceptedLeadsPerSecond, double singleP50, double singleP99,
            double leadLagMillis, double activitiesPerSecond, double sliceLagMillis) {

        static final String HEADER = String.format("%5s %9s %14s %11s %11s %13s %14s %14s", "slice", "leads",
                "batch leads/s", "single p50", "single p99", "lead lag ms", "activities/s", "slice lag ms");

        String row() {
            return String.format("%5d %,9d %14.1f %11.1f %11.1f %13.0f %14.1f %14.0f", index + 1, totalLeads,
                    acceptedLeadsPerSecond, singleP50, singleP99, leadLagMillis, activitiesPerSecond, sliceLagMillis);
        }
    }
}
