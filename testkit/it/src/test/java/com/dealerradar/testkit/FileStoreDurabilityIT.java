package com.dealerradar.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every write the file store acknowledged is in the file, even when its process is killed with SIGKILL
 * right after the last acknowledgement (no shutdown hook, no background commit gets to run).
 */
class FileStoreDurabilityIT {

    private static final int WRITES = 200;

    @Test
    void keepsEveryAcknowledgedWriteWhenItsProcessIsKilled(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("store.mv.db");
        Process store = startStoreProcess(file);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + awaitPort(store))) {
            MongoCollection<Document> leads = client.getDatabase("radar").getCollection("leads");
            for (int i = 0; i < WRITES; i++) {
                leads.insertOne(new Document("_id", "lead-" + i).append("version", 1));
            }
            leads.updateOne(new Document("_id", "lead-7").append("version", 1), new Document("$inc", new Document("version", 1)));
            leads.deleteOne(new Document("_id", "lead-8"));
        } finally {
            store.destroyForcibly();
            assertThat(store.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        try (EmbeddedMongo reopened = EmbeddedMongo.file(file, 0);
                MongoClient client = MongoClients.create(reopened.connectionString())) {
            MongoCollection<Document> leads = client.getDatabase("radar").getCollection("leads");
            assertThat(leads.countDocuments()).isEqualTo(WRITES - 1);
            assertThat(leads.find(new Document("_id", "lead-7")).first()).containsEntry("version", 2);
            assertThat(leads.find(new Document("_id", "lead-8")).first()).isNull();
            assertThat(leads.find(new Document("_id", "lead-" + (WRITES - 1))).first()).isNotNull();
        }
    }

    /**
     * Commits are grouped across clients ({@link DurableH2Backend}): a write answered while another client's
     * commit was under way must still be in the file. The store is killed while the clients still write.
     */
    @Test
    void keepsEveryAcknowledgedWriteOfConcurrentClientsWhenItsProcessIsKilled(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("store.mv.db");
        Process store = startStoreProcess(file);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + awaitPort(store))) {
            MongoCollection<Document> leads = client.getDatabase("radar").getCollection("leads");
            List<Future<?>> writers = IntStream.range(0, 4).<Future<?>>mapToObj(c -> clients.submit(() -> {
                for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
                    String id = "lead-" + c + "-" + i;
                    leads.insertOne(new Document("_id", id).append("version", 1));
                    acknowledged.add(id);
                }
            })).toList();
            while (acknowledged.size() < WRITES) {
                Thread.sleep(10);
            }
            store.destroyForcibly();
            assertThat(store.waitFor(30, TimeUnit.SECONDS)).isTrue();
            writers.forEach(writer -> writer.cancel(true));
        } finally {
            clients.shutdownNow();
            store.destroyForcibly();
        }

        try (EmbeddedMongo reopened = EmbeddedMongo.file(file, 0);
                MongoClient client = MongoClients.create(reopened.connectionString())) {
            MongoCollection<Document> leads = client.getDatabase("radar").getCollection("leads");
            Set<String> stored = ConcurrentHashMap.newKeySet();
            leads.find().forEach(lead -> stored.add(lead.getString("_id")));
            assertThat(stored).containsAll(acknowledged);
        }
    }

    /** A commit per write must not keep every replaced chunk: 3,000 writes of 250 bytes took 100 MB that way. */
    @Test
    void aCommitPerWriteKeepsTheFileSmall(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("store.mv.db");
        try (EmbeddedMongo store = EmbeddedMongo.file(file, 0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> leads = client.getDatabase("radar").getCollection("leads");
            for (int i = 0; i < 3_000; i++) {
                leads.insertOne(new Document("_id", "lead-" + i).append("version", 1).append("notes", "x".repeat(200)));
            }
            assertThat(Files.size(file)).isLessThan(20L << 20);
        }
    }

    /** Half the heap unless told otherwise: a benchmark with a large heap gives the page cache less of it. */
    @Test
    void thePageCacheTakesHalfTheHeapOrWhatItIsGiven(@TempDir Path dir) {
        long halfTheHeap = Runtime.getRuntime().maxMemory() / 2 / (1 << 20);
        DurableH2Backend byDefault = DurableH2Backend.open(dir.resolve("default.mv.db").toString());
        try {
            assertThat(byDefault.getMvStore().getCacheSize()).isEqualTo((int) halfTheHeap);
        } finally {
            byDefault.close();
        }
        System.setProperty(DurableH2Backend.CACHE_PROPERTY, "64");
        try {
            DurableH2Backend given = DurableH2Backend.open(dir.resolve("given.mv.db").toString());
            try {
                assertThat(given.getMvStore().getCacheSize()).isEqualTo(64);
            } finally {
                given.close();
            }
        } finally {
            System.clearProperty(DurableH2Backend.CACHE_PROPERTY);
        }
    }

    private static Process startStoreProcess(Path file) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                FileStoreProcess.class.getName(), file.toString())
                .redirectErrorStream(true)
                .start();
    }

    private static int awaitPort(Process store) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(store.getInputStream(), StandardCharsets.UTF_8));
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith(FileStoreProcess.READY)) {
                drainInBackground(output);
                return Integer.parseInt(line.substring(FileStoreProcess.READY.length()).trim());
            }
        }
        throw new IllegalStateException("The store process ended before it was ready");
    }

    /** The child logs to the same pipe; reading it on keeps a full pipe from stalling the child. */
    private static void drainInBackground(BufferedReader output) {
        Thread drain = new Thread(() -> {
            try {
                output.transferTo(Writer.nullWriter());
            } catch (IOException e) {
                throw new UncheckedIOException("The store process's output broke off", e);
            }
        }, "file-store-output");
        drain.setDaemon(true);
        drain.start();
    }
}
