package com.dealerradar.local.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import com.dealerradar.testkit.EmbeddedKafka;
import com.dealerradar.testkit.EmbeddedMongo;
import com.dealerradar.testkit.LoopbackPorts;
import org.springframework.util.FileSystemUtils;

/**
 * The local stack inside a test: the broker and the H2 file store run in this JVM, the five services run
 * from their own jars as separate processes with the same environment run.sh gives them. Everything binds
 * 127.0.0.1 on free ports, and all data and logs live under one data directory. A stack that made its own
 * temporary data directory removes it when it closes, all but the services' logs (some hundred kilobytes, kept
 * for a failure's diagnosis), since the broker's log, the store's file and the extracted jars take some 450 MB.
 * <p>
 * A stack started {@link #startTraced() traced} has tracing on, exporting to its own {@link SpanReceiver},
 * but samples only the traces a caller asks for with a sampled {@code traceparent}, so that other
 * requests cost no spans; the benchmarks' stacks keep tracing off, as it is by default.
 * <p>
 * A stack restart that must keep data is {@link #stopServices()}, {@link #restartStore()} (and
 * {@code kafka().restart()}), then {@link #startServices()}.
 * <p>
 * A stack started {@link #startWithInfrastructureProcesses() with infrastructure processes} runs the broker
 * and the store as processes of their own, as run.sh does, so that a fault test can freeze or kill them:
 * {@link #brokerProcess()}, {@link #storeProcess()}. Its {@link #kafka()} and {@link #store()} are not there.
 */
public final class LocalStack implements AutoCloseable {

    /** In start order; the gateway stops first, so that it stops routing before the services go. */
    public static final List<String> SERVICES =
            List.of("lead-service", "followup-service", "defeat-service", "analytics-service", "gateway");

    private static final String VERSION = "0.1.0-SNAPSHOT";
    /** 180 s unless {@code -Dradar.stack.ready-timeout-seconds} says otherwise (a machine busy with other builds). */
    private static final Duration READY_TIMEOUT =
            Duration.ofSeconds(Long.getLong("radar.stack.ready-timeout-seconds", 180));

    private final Path dataDir;
    /** Whether this stack made {@link #dataDir} for itself, so that nobody needs its data after {@link #close()}. */
    private final boolean temporaryDataDir;
    private final Infrastructure infrastructure;
    /** Null when tracing is off. */
    private final SpanReceiver spans;
    private final String adminKey = "radar_admin_" + randomHex(16);
    private final String internalTokenSecret = randomHex(32);
    private final String phoneHashKey = randomHex(32);
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Thread killProcessesOnExit = new Thread(this::stopProcesses, "local-stack-stop");

    private LocalStack(Path dataDir, boolean temporaryDataDir, Infrastructure infrastructure, SpanReceiver spans) {
        this.dataDir = dataDir;
        this.temporaryDataDir = temporaryDataDir;
        this.infrastructure = infrastructure;
        this.spans = spans;
        Path repository = repositoryRoot();
        for (String module : SERVICES) {
            Path jar = repository.resolve(module).resolve("target").resolve(module + "-" + VERSION + ".jar");
            services.put(module, new ServiceProcess(module, jar, dataDir.resolve("apps").resolve(module), LoopbackPorts.free(),
                    dataDir.resolve("logs").resolve(module + ".log")));
        }
    }

    /** Starts the whole stack in a fresh temporary data directory and waits until every service is ready. */
    public static LocalStack start() {
        return start(temporaryDataDir(), true, false);
    }

    /** As {@link #start()}, with the services' spans exported to the stack's {@link #spans()}. */
    public static LocalStack startTraced() {
        return start(temporaryDataDir(), true, true);
    }

    /** Starts the whole stack on the data in {@code dataDir} and waits until every service is ready. */
    public static LocalStack start(Path dataDir) {
        return start(dataDir, false, false);
    }

    /**
     * As {@link #start()}, with the broker and the store as processes of their own ({@code radar-local.jar
     * kafka} and {@code store}, which the deploy/local module's package builds), for tests that freeze or
     * kill them.
     */
    public static LocalStack startWithInfrastructureProcesses() {
        Path dataDir = createLogDirectory(temporaryDataDir());
        Path localJar = repositoryRoot().resolve("deploy/local/target/radar-local.jar");
        Path logs = dataDir.resolve("logs");
        return launch(dataDir, true, new OutOfProcess(
                InfrastructureProcess.broker(localJar, LoopbackPorts.free(), LoopbackPorts.free(), dataDir.resolve("kafka"),
                        logs.resolve("kafka.log")),
                InfrastructureProcess.store(localJar, LoopbackPorts.free(), dataDir.resolve("store").resolve("store.mv.db"),
                        logs.resolve("store.log"))), false);
    }

    private static Path temporaryDataDir() {
        try {
            return Files.createTempDirectory("radar-local-stack-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the stack's data directory", e);
        }
    }

    private static Path createLogDirectory(Path dataDir) {
        try {
            Files.createDirectories(dataDir.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dataDir.resolve("logs"), e);
        }
        return dataDir;
    }

    private static LocalStack start(Path dataDir, boolean temporaryDataDir, boolean traced) {
        createLogDirectory(dataDir);
        EmbeddedKafka kafka = EmbeddedKafka.start(dataDir.resolve("kafka"), 0, 0);
        EmbeddedMongo store;
        try {
            store = EmbeddedMongo.file(dataDir.resolve("store").resolve("store.mv.db"), 0);
        } catch (RuntimeException e) {
            kafka.stop();
            throw e;
        }
        return launch(dataDir, temporaryDataDir, new InProcess(kafka, store), traced);
    }

    private static LocalStack launch(Path dataDir, boolean temporaryDataDir, Infrastructure infrastructure,
            boolean traced) {
        LocalStack stack = new LocalStack(dataDir.toAbsolutePath(), temporaryDataDir, infrastructure,
                traced ? SpanReceiver.start() : null);
        Runtime.getRuntime().addShutdownHook(stack.killProcessesOnExit);
        try {
            if (infrastructure instanceof OutOfProcess processes) {
                processes.broker().start(READY_TIMEOUT);
                processes.store().start(READY_TIMEOUT);
            }
            stack.startServices();
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + servicePort("gateway");
    }

    public String adminKey() {
        return adminKey;
    }

    /** The secret internal tokens are signed with, for tools that call a service directly as the gateway would. */
    public String internalTokenSecret() {
        return internalTokenSecret;
    }

    public int servicePort(String module) {
        return service(module).port();
    }

    /** Where clients reach the broker, wherever it runs. */
    public String kafkaBootstrapServers() {
        return infrastructure.kafkaBootstrapServers();
    }

    public EmbeddedKafka kafka() {
        return inProcess("broker").kafka();
    }

    public EmbeddedMongo store() {
        return inProcess("store").store();
    }

    /** The broker's process, on a stack started {@link #startWithInfrastructureProcesses() with infrastructure processes}. */
    public InfrastructureProcess brokerProcess() {
        return outOfProcess("broker").broker();
    }

    /** The store's process, on a stack started {@link #startWithInfrastructureProcesses() with infrastructure processes}. */
    public InfrastructureProcess storeProcess() {
        return outOfProcess("store").store();
    }

    /** How long {@link #startServices()} waits for the services, and a restarted broker or store may take. */
    public static Duration readyTimeout() {
        return READY_TIMEOUT;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The spans the services exported, on a stack started {@link #startTraced() traced}. */
    SpanReceiver spans() {
        if (spans == null) {
            throw new IllegalStateException("This stack was started without tracing");
        }
        return spans;
    }

    /** Starts every service that is not running and waits until all of them answer ready. */
    public void startServices() {
        for (ServiceProcess service : services.values()) {
            if (!service.isAlive()) {
                service.start(environmentFor(service.module()));
            }
        }
        awaitReady();
    }

    /**
     * Stops the services gracefully (SIGTERM), the gateway first and then the others side by side, each
     * draining on its own; the broker and the store keep running.
     */
    public void stopServices() {
        service("gateway").stop();
        List<ServiceProcess> behindTheGateway = services.values().stream()
                .filter(service -> !service.module().equals("gateway")).toList();
        ExecutorService stopping = Executors.newFixedThreadPool(behindTheGateway.size());
        try {
            behindTheGateway.stream().map(service -> stopping.submit(service::stop)).toList().forEach(LocalStack::join);
        } finally {
            stopping.shutdownNow();
        }
    }

    private static void join(Future<?> stop) {
        try {
            stop.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the services", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a service could not be stopped", e.getCause());
        }
    }

    /**
     * Stops one service gracefully, e.g. to test what happens while it is away; {@link #startServices()}
     * brings it back. Answers how long it took to exit.
     */
    public Duration stopService(String module) {
        return service(module).stop();
    }

    /** Kills one service without warning, as a crash would. */
    public void killService(String module) {
        service(module).kill();
    }

    /** Stops and restarts the H2 file store on the same port; whatever was written must still be there. */
    public void restartStore() {
        store().restart();
    }

    @Override
    public void close() {
        stopServices();
        infrastructure.close();
        if (spans != null) {
            spans.close();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killProcessesOnExit);
        } catch (IllegalStateException alreadyExiting) {
            // The hook is running or has run; the services are being stopped either way.
        }
        if (temporaryDataDir) {
            removeAllButLogs();
        }
    }

    private void removeAllButLogs() {
        try (Stream<Path> entries = Files.list(dataDir)) {
            for (Path entry : entries.filter(entry -> !entry.getFileName().toString().equals("logs")).toList()) {
                FileSystemUtils.deleteRecursively(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the stack's data from " + dataDir, e);
        }
    }

    /** What must not outlive this JVM: the services, and the broker and the store where they run as processes. */
    private void stopProcesses() {
        stopServices();
        if (infrastructure instanceof OutOfProcess processes) {
            processes.close();
        }
    }

    private InProcess inProcess(String what) {
        if (infrastructure instanceof InProcess inProcess) {
            return inProcess;
        }
        throw new IllegalStateException("The " + what + " of this stack runs as a process; see " + what + "Process()");
    }

    private OutOfProcess outOfProcess(String what) {
        if (infrastructure instanceof OutOfProcess outOfProcess) {
            return outOfProcess;
        }
        throw new IllegalStateException("The " + what + " of this stack runs in this JVM; see " + (what.equals("broker") ? "kafka()" : "store()"));
    }

    private ServiceProcess service(String module) {
        ServiceProcess service = services.get(module);
        if (service == null) {
            throw new IllegalArgumentException("No service " + module + "; one of " + SERVICES);
        }
        return service;
    }

    private Map<String, String> environmentFor(String module) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MONGODB_URI", infrastructure.storeConnectionString());
        env.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        env.put("RADAR_ADMIN_KEY", adminKey);
        env.put("RADAR_INTERNAL_TOKEN_SECRET", internalTokenSecret);
        if (module.equals("lead-service")) {
            env.put("RADAR_PHONE_HASH_KEY", phoneHashKey);
        }
        env.put("RADAR_LOCAL_STACK", "true");
        if (spans != null) {
            env.put("RADAR_TRACING_OTLP_ENDPOINT", spans.endpoint());
            // Sampling is parent-based: with 0, a trace is sampled only where a caller sent a sampled traceparent.
            env.put("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "0");
            env.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY", "500ms");
        }
        if (module.equals("gateway")) {
            env.put("LEAD_SERVICE_URI", "http://127.0.0.1:" + servicePort("lead-service"));
            env.put("FOLLOWUP_SERVICE_URI", "http://127.0.0.1:" + servicePort("followup-service"));
            env.put("DEFEAT_SERVICE_URI", "http://127.0.0.1:" + servicePort("defeat-service"));
            env.put("ANALYTICS_SERVICE_URI", "http://127.0.0.1:" + servicePort("analytics-service"));
        }
        return env;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        for (ServiceProcess service : services.values()) {
            while (!service.isReady()) {
                if (!service.isAlive()) {
                    throw new IllegalStateException(service.module() + " exited during startup:\n"
                            + service.logTail(40));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(service.module() + " was not ready at " + service.readinessUri()
                            + " within " + READY_TIMEOUT.toSeconds() + " s:\n" + service.logTail(40));
                }
                sleep(Duration.ofMillis(500));
            }
        }
    }

    /** Where the broker and the store run: in this JVM, or as processes of their own. */
    private sealed interface Infrastructure permits InProcess, OutOfProcess {

        String kafkaBootstrapServers();

        String storeConnectionString();

        void close();
    }

    private record InProcess(EmbeddedKafka kafka, EmbeddedMongo store) implements Infrastructure {

        @Override
        public String kafkaBootstrapServers() {
            return kafka.bootstrapServers();
        }

        @Override
        public String storeConnectionString() {
            return store.connectionString();
        }

        @Override
        public void close() {
            kafka.stop();
            store.stop();
        }
    }

    private record OutOfProcess(InfrastructureProcess broker, InfrastructureProcess store) implements Infrastructure {

        @Override
        public String kafkaBootstrapServers() {
            return "127.0.0.1:" + broker.port();
        }

        @Override
        public String storeConnectionString() {
            return "mongodb://127.0.0.1:" + store.port();
        }

        @Override
        public void close() {
            broker.stop();
            store.stop();
        }
    }

    // Failsafe runs with the module directory as basedir; the service modules sit two levels up.
    private static Path repositoryRoot() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).resolve("../..")
                .toAbsolutePath().normalize();
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the stack", e);
        }
    }
}
