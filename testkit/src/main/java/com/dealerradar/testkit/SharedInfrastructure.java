package com.dealerradar.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.util.FileSystemUtils;

/**
 * One in-memory store and one broker per test JVM, started on first use and stopped when the JVM exits.
 * Starting them once keeps integration suites fast; {@link Namespace}s keep test classes apart on them.
 * With {@code -Dradar.testkit.store=file} the store keeps its data in an H2 file in the JVM's temporary
 * data directory instead of on the heap: for a benchmark whose data outgrows the heap, at the cost of
 * every write reaching the file before it is acknowledged. With {@code -D}{@value #STORE_URI_PROPERTY}
 * {@code =mongodb://...} no store starts here: the contexts use the one already running there (a store
 * process of its own, as on the local stack, or a MongoDB), so that a benchmark's store collects its
 * garbage and fills its page cache outside the JVM whose queries are timed.
 */
public final class SharedInfrastructure implements Endpoints {

    /** The internal token secret of every test context: 48 characters, an HMAC key of 384 bits. */
    public static final String INTERNAL_TOKEN_SECRET = "radar-testkit-internal-token-secret-not-for-prod";

    /** The phone-hash key of every test context; lead-service refuses to start without one. */
    public static final String PHONE_HASH_KEY = "radar-testkit-phone-hash-key-not-for-prod";

    static final String STORE_URI_PROPERTY = "radar.testkit.store-uri";

    private static SharedInfrastructure instance;

    private final Path dataDir;
    /** Null when the store runs elsewhere ({@value #STORE_URI_PROPERTY}). */
    private final EmbeddedMongo mongo;
    private final String mongoUri;
    private final EmbeddedKafka kafka;

    private SharedInfrastructure(Path dataDir, EmbeddedMongo mongo, String mongoUri, EmbeddedKafka kafka) {
        this.dataDir = dataDir;
        this.mongo = mongo;
        this.mongoUri = mongoUri;
        this.kafka = kafka;
    }

    public static synchronized SharedInfrastructure get() {
        if (instance == null) {
            instance = startAll();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::shutdown, "radar-shared-infrastructure-stop"));
        }
        return instance;
    }

    /** The store this JVM started; there is none when it uses one running elsewhere ({@value #STORE_URI_PROPERTY}). */
    public EmbeddedMongo mongo() {
        if (mongo == null) {
            throw new IllegalStateException("The store runs elsewhere (" + STORE_URI_PROPERTY + "=" + mongoUri + ")");
        }
        return mongo;
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    @Override
    public String mongoUri() {
        return mongoUri;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public Namespace namespaceFor(Class<?> testClass) {
        return Namespace.of(testClass);
    }

    private static SharedInfrastructure startAll() {
        return startAll(System.getProperty(STORE_URI_PROPERTY, "").strip());
    }

    /** Starts a broker, and a store unless {@code storeElsewhere} names one already running. */
    static SharedInfrastructure startAll(String storeElsewhere) {
        Path dataDir = createTempDir();
        EmbeddedMongo mongo = storeElsewhere.isEmpty() ? startStore(dataDir) : null;
        String mongoUri = mongo == null ? storeElsewhere : mongo.connectionString();
        try {
            return new SharedInfrastructure(dataDir, mongo, mongoUri, EmbeddedKafka.start(dataDir.resolve("kafka"), 0, 0));
        } catch (RuntimeException e) {
            if (mongo != null) {
                mongo.stop();
            }
            throw e;
        }
    }

    private static EmbeddedMongo startStore(Path dataDir) {
        return "file".equals(System.getProperty("radar.testkit.store"))
                ? EmbeddedMongo.file(dataDir.resolve("store.mv.db"), 0)
                : EmbeddedMongo.inMemory(0);
    }

    void shutdown() {
        kafka.stop();
        if (mongo != null) {
            mongo.stop();
        }
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
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            // The JVM is exiting; a leftover temp directory is harmless.
        }
    }
}
