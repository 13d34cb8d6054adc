package com.dealerradar.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One in-memory store and one broker per test JVM, started on first use and stopped when the JVM exits.
 * Starting them once keeps integration suites fast; {@link Namespace}s keep test classes apart on them.
 * With {@code -Dradar.testkit.store=file} the store keeps its data in an H2 file in the JVM's temporary
 * data directory instead of on the heap: for a benchmark whose data outgrows the heap, at the cost of
 * every write reaching the file before it is acknowledged.
 */
public final class SharedInfrastructure implements Endpoints {

    /** The internal token secret of every test context: 48 characters, an HMAC key of 384 bits. */
    public static final String INTERNAL_TOKEN_SECRET = "radar-testkit-internal-token-secret-not-for-prod";

    /** The phone-hash key of every test context; lead-service refuses to start without one. */
    public static final String PHONE_HASH_KEY = "radar-testkit-phone-hash-key-not-for-prod";

    private static SharedInfrastructure instance;

    private final Path dataDir;
    private final EmbeddedMongo mongo;
    private final EmbeddedKafka kafka;

    private SharedInfrastructure(Path dataDir, EmbeddedMongo mongo, EmbeddedKafka kafka) {
        this.dataDir = dataDir;
        this.mongo = mongo;
        this.kafka = kafka;
    }

    public static synchronized SharedInfrastructure get() {
        if (instance == null) {
            instance = startAll();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::shutdown, "radar-shared-infrastructure-stop"));
        }
        return instance;
    }

    public EmbeddedMongo mongo() {
        return mongo;
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    @Override
    public String mongoUri() {
        return mongo.connectionString();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public Namespace namespaceFor(Class<?> testClass) {
        return Namespace.of(testClass);
    }

    private static SharedInfrastructure startAll() {
        Path dataDir = createTempDir();
        EmbeddedMongo mongo = "file".equals(System.getProperty("radar.testkit.store"))
                ? EmbeddedMongo.file(dataDir.resolve("store.mv.db"), 0)
                : EmbeddedMongo.inMemory(0);
        try {
            return new SharedInfrastructure(dataDir, mongo, EmbeddedKafka.start(dataDir.resolve("kafka"), 0, 0));
        } catch (RuntimeException e) {
            mongo.stop();
            throw e;
        }
    }

    private void shutdown() {
        kafka.stop();
        mongo.stop();
        deleteRecursively(dataDir);
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("radar-testkit-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the shared infrastructure's data directory", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // The JVM is exiting; a leftover temp directory is harmless.
        }
    }
}
