package com.dealerradar.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;

/**
 * A MongoDB-wire store (mongo-java-server) on 127.0.0.1, either in memory or persisted to an H2 file.
 * The port is fixed after the first start, so a stopped store comes back where clients expect it.
 * Both backends answer a filter that fixes {@code _id} from the {@code _id} index ({@link IdLookup}).
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    /**
     * The library answers a command on the connection's event-loop thread, and the file store holds that
     * thread until the write is in the file ({@link DurableH2Backend}). With the library's default of
     * twice the cores, a few writers waiting for a commit stalled every other connection on their
     * threads, reads included; with more threads, fewer connections share a waiting one.
     */
    private static final int CONNECTION_THREADS = 32;

    private final Supplier<MongoBackend> backends;
    private int port;
    private MongoServer server;

    private EmbeddedMongo(Supplier<MongoBackend> backends, int port) {
        this.backends = backends;
        this.port = port;
    }

    /** Data lives as long as this store runs; a port of 0 picks a free one. */
    public static EmbeddedMongo inMemory(int port) {
        EmbeddedMongo mongo = new EmbeddedMongo(IdLookupMemoryBackend::new, port);
        mongo.start();
        return mongo;
    }

    /**
     * Data is kept in the H2 MVStore file {@code h2File} across stops, restarts and kills: each write is in
     * the file before it is acknowledged ({@link DurableH2Backend}). A port of 0 picks a free one.
     */
    public static EmbeddedMongo file(Path h2File, int port) {
        Path file = h2File.toAbsolutePath();
        EmbeddedMongo mongo = new EmbeddedMongo(() -> {
            createParentDirectory(file);
            return DurableH2Backend.open(file.toString());
        }, port);
        mongo.start();
        return mongo;
    }

    public String connectionString() {
        return "mongodb://" + HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        MongoServer starting = new MongoServer(backends.get());
        starting.bind(new InetSocketAddress(HOST, port), 1, CONNECTION_THREADS);
        port = starting.getLocalAddress().getPort();
        server = starting;
    }

    /** Closes client connections and the backend; an H2 file is flushed and released. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.shutdownNow();
        } finally {
            server = null;
        }
    }

    public synchronized void restart() {
        stop();
        start();
    }

    @Override
    public void close() {
        stop();
    }

    private static void createParentDirectory(Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory of " + file, e);
        }
    }
}
