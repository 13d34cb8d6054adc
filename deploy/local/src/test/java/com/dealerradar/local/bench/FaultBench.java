package com.dealerradar.local.bench;

import com.dealerradar.local.e2e.InfrastructureProcess;
import com.dealerradar.local.e2e.LocalStack;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Nothing acknowledged is lost or doubled through the local stack's faults (issue 12). The broker and
 * the store run as processes of their own ({@link LocalStack#startWithInfrastructureProcesses()}), the
 * five services from their jars. Four dealer systems post leads, follow-ups, loss reports and callbacks,
 * every write until it is answered, with the same externalRef.
 * <ol>
 *   <li>Through the broker frozen (SIGSTOP, SIGCONT) for 20 s, the store frozen for 10 s, lead-service
 *       killed (SIGKILL) and restarted, analytics-service killed and restarted.</li>
 *   <li>Through the store killed (SIGKILL) under load and the whole stack started again on the same data:
 *       every lead acknowledged before the crash must still be there.</li>
 * </ol>
 * Then every acknowledged write must be in its owner's store once, counted once in analytics, and no
 * consuming service may hold a dead letter ({@link FaultAudit}). Exits 1 if any check fails. The stack's
 * logs are copied to {@code target/fault-bench-logs}.
 *
 * <p>Arguments (all optional): {@code clients}, default 4.
 */
public final class FaultBench {

    private static final Duration BROKER_FROZEN = Duration.ofSeconds(20);
    private static final Duration STORE_FROZEN = Duration.ofSeconds(10);
    /** Load between the faults, so that each fault meets writes in flight and the next one a stack that has recovered. */
    private static final Duration BETWEEN_FAULTS = Duration.ofSeconds(10);
    /** Leads posted after the store's crash, before the stack is stopped: clients retrying against a dead store. */
    private static final Duration STORE_DEAD = Duration.ofSeconds(3);
    /** 1,200 attempts 500 ms apart: a client keeps a write going for at least 10 minutes. */
    private static final int ATTEMPTS = 1_200;
    private static final Duration CLIENTS_FINISH_WITHIN = Duration.ofMinutes(12);
    private static final Duration AGREEMENT_WITHIN = Duration.ofMinutes(3);
    private static final Path LOG_COPY = Path.of("target", "fault-bench-logs");

    private final LocalStack stack;
    private final ApiCalls api;
    private final Acknowledged acknowledged = new Acknowledged();
    private final long started = System.nanoTime();
    private FaultClients clients;

    private FaultBench(LocalStack stack) {
        this.stack = stack;
        this.api = new ApiCalls(stack.gatewayUrl(), ATTEMPTS);
    }

    public static void main(String[] args) {
        int clientCount = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        System.out.println("Starting the local stack (broker and store as processes of their own)...");
        int status = 1;
        LocalStack stack = null;
        try {
            stack = LocalStack.startWithInfrastructureProcesses();
            status = new FaultBench(stack).run(clientCount) ? 0 : 1;
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            if (stack != null) {
                stack.close();
                copyLogs(stack.dataDir().resolve("logs"));
            }
            System.exit(status);
        }
    }

    private boolean run(int clientCount) throws Exception {
        // Whole seconds, as dealer systems send them: a retry must carry exactly what the first attempt stored.
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        clients = new FaultClients(api, new FaultWorkload(now), registerDealers(), acknowledged);
        FaultAudit audit = new FaultAudit(api, stack.adminKey(), acknowledged);

        say("phase 1: %d clients posting", clientCount);
        clients.start(clientCount);
        underLoad(BETWEEN_FAULTS);
        freeze(stack.brokerProcess(), BROKER_FROZEN);
        underLoad(BETWEEN_FAULTS);
        freeze(stack.storeProcess(), STORE_FROZEN);
        underLoad(BETWEEN_FAULTS);
        killAndRestart("lead-service");
        underLoad(BETWEEN_FAULTS);
        killAndRestart("analytics-service");
        underLoad(BETWEEN_FAULTS);
        clients.stop(CLIENTS_FINISH_WITHIN);
        boolean phaseOnePassed = verify("phase 1 (broker frozen, store frozen, lead-service and analytics-service killed)",
                audit, List.of());

        say("phase 2: %d clients posting", clientCount);
        clients.start(clientCount);
        underLoad(BETWEEN_FAULTS);
        long crash = System.nanoTime();
        stack.storeProcess().kill();
        Map<Long, Acknowledged.Lead> beforeCrash = acknowledged.leadsAnsweredBefore(crash);
        say("store killed (SIGKILL) with %d leads acknowledged", beforeCrash.size());
        underLoad(STORE_DEAD);
        restartStackOnSameData();
        underLoad(BETWEEN_FAULTS);
        clients.stop(CLIENTS_FINISH_WITHIN);
        boolean phaseTwoPassed = verify("phase 2 (store killed under load, stack started again on its data), all writes",
                audit, List.of(new FaultAudit.Check("lead-service: leads acknowledged before the store's crash, held",
                        beforeCrash.size(), audit.leadsHeld(beforeCrash))));
        return phaseOnePassed && phaseTwoPassed;
    }

    /** Reads everything back until it agrees (or the deadline), prints the counts and the checks; answers whether all passed. */
    private boolean verify(String after, FaultAudit audit, List<FaultAudit.Check> more) throws Exception {
        say("reading back after %s (analytics and lead status may trail; up to %d s)...", after, AGREEMENT_WITHIN.toSeconds());
        List<FaultAudit.Check> checks = new ArrayList<>(audit.awaitAgreement(AGREEMENT_WITHIN));
        checks.addAll(more);
        checks.add(new FaultAudit.Check("defeat-service: loss reports answered 404 (lead not there yet)", 0,
                acknowledged.lossReportsNotYetKnown()));
        System.out.printf("%nAfter %s:%n", after);
        System.out.printf("accepted: %d writes: %d leads, %d follow-ups, %d loss reports, %d callbacks; "
                + "creates answered 200 to a repeat: %d; 409 to a retry: %d%n", acknowledged.writes(),
                acknowledged.leadCount(), acknowledged.followUps().size(), acknowledged.defeats().size(),
                acknowledged.callbacks().size(), acknowledged.repeatsAnswered(), acknowledged.conflictsOnRetry());
        System.out.printf("retried: %d attempts beyond the first%n", api.retries());
        System.out.println(FaultAudit.header());
        checks.forEach(check -> System.out.println(check.row()));
        audit.deadLetters().forEach(System.out::println);
        List<String> missing = audit.leadsMissing(acknowledged.leads());
        if (!missing.isEmpty()) {
            System.out.println("acknowledged leads lead-service does not hold: " + missing);
        }
        long failed = checks.stream().filter(check -> !check.passed()).count();
        System.out.println((failed == 0 ? "All checks passed." : failed + " checks FAILED.") + System.lineSeparator());
        return failed == 0;
    }

    private List<String> registerDealers() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int dealer = 0; dealer < FaultWorkload.DEALERS; dealer++) {
            String dealerId = FaultWorkload.dealerId(dealer);
            api.post("/api/dealers", stack.adminKey(), """
                    {"dealerId": "%s", "name": "Fault Motors %d", "region": "%s", "brand": "Changan"}"""
                    .formatted(dealerId, dealer + 1, FaultWorkload.region(dealer)), 201);
            keys.add(JsonPath.read(api.post("/api/keys", stack.adminKey(), """
                    {"role": "DEALER", "dealerId": "%s", "label": "fault bench"}""".formatted(dealerId), 201), "$.apiKey"));
        }
        return keys;
    }

    private void freeze(InfrastructureProcess process, Duration frozen) throws InterruptedException {
        say("%s frozen (SIGSTOP) for %d s", process.name(), frozen.toSeconds());
        process.freeze();
        try {
            Thread.sleep(frozen.toMillis());
        } finally {
            process.thaw();
        }
        say("%s thawed (SIGCONT)", process.name());
    }

    private void killAndRestart(String service) {
        say("%s killed (SIGKILL)", service);
        stack.killService(service);
        long restarting = System.nanoTime();
        stack.startServices();
        say("%s ready again after %.1f s", service, (System.nanoTime() - restarting) / 1e9);
    }

    /** Services stopped (SIGTERM), broker stopped, then store, broker and services started again on their data. */
    private void restartStackOnSameData() {
        long restarting = System.nanoTime();
        stack.stopServices();
        stack.brokerProcess().stop();
        stack.storeProcess().start(LocalStack.readyTimeout());
        stack.brokerProcess().start(LocalStack.readyTimeout());
        stack.startServices();
        say("stack started again on the same data in %.1f s", (System.nanoTime() - restarting) / 1e9);
    }

    private void underLoad(Duration duration) throws InterruptedException {
        long until = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < until) {
            clients.checkHealthy();
            Thread.sleep(200);
        }
        clients.checkHealthy();
    }

    private void say(String format, Object... arguments) {
        System.out.printf("[%6.1f s, %5d writes acknowledged] %s%n", (System.nanoTime() - started) / 1e9,
                acknowledged.writes(), format.formatted(arguments));
    }

    /** The stack's data directory goes with the benchmark's temporary directory; its logs are kept for reading. */
    private static void copyLogs(Path logs) {
        try (Stream<Path> files = Files.list(logs)) {
            Files.createDirectories(LOG_COPY);
            for (Path file : files.toList()) {
                Files.copy(file, LOG_COPY.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            System.out.println("Logs of the stack: " + LOG_COPY.toAbsolutePath());
        } catch (IOException e) {
            System.err.println("Cannot copy the stack's logs from " + logs + ": " + e);
        }
    }
}
