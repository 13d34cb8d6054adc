package com.dealerradar.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.h2.mvstore.MVStore;

/**
 * Times guarded updates {@code updateOne({_id, version: v}, {$set: {version: v + 1}})} on the embedded
 * store, unpatched and patched, at several collection sizes, on the memory and the H2 file backend; then
 * what a commit before each answer costs the H2 file store's inserts and updates; then what keeping its
 * documents and keys as BSON instead of Java-serialized objects saves on operations by {@code _id}. Both stores of a pair
 * hold the same documents and get the same writes, in alternating rounds. Run by {@code bench/store/run.sh};
 * arguments are the sizes.
 */
public final class GuardedUpdateBench {

    private static final int ROUNDS = 3;
    private static final int LOAD_BATCH = 1_000;

    private GuardedUpdateBench() {
    }

    public static void main(String[] args) throws IOException {
        int[] sizes = args.length == 0 ? new int[] {10_000, 100_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        Path dir = Files.createTempDirectory("radar-store-bench");
        System.out.println("Guarded update {_id, version} on N documents, one client; ms per update and updates/s");
        header("unpatched", "patched");
        for (int size : sizes) {
            guardedUpdates(size, "memory", MemoryBackend::new, IdLookupMemoryBackend::new);
            guardedUpdates(size, "h2 file", () -> new H2Backend(file(dir, "unpatched-" + size)),
                    () -> new IdLookupH2Backend(MVStore.open(file(dir, "patched-" + size))));
        }
        System.out.println();
        System.out.println("Writes on the H2 file store: MVStore's own commit about once a second (as unpatched) against"
                + " a commit before each answer (DurableH2Backend), both patched; ms per write and writes/s");
        header("1s commit", "durable");
        for (int size : sizes) {
            durableWrites(size, new IdLookupH2Backend(MVStore.open(file(dir, "lazy-" + size))),
                    DurableH2Backend.open(file(dir, "durable-" + size)));
        }
        System.out.println();
        System.out.println("Storage of the H2 file store: documents and keys Java-serialized (as shipped) against BSON"
                + " (BsonH2Backend), neither patched by IdLookup nor durable; ms per operation and operations/s");
        header("java-ser", "bson");
        for (int size : sizes) {
            storage(size, new H2Backend(file(dir, "serialized-" + size)),
                    new BsonH2Backend(MVStore.open(file(dir, "bson-" + size))));
        }
    }

    /** Operations by {@code _id} alone, which both stores answer from the {@code _id} index. */
    private static void storage(int size, MongoBackend serialized, MongoBackend bson) {
        try (Store before = new Store(serialized, size); Store after = new Store(bson, size)) {
            alternate(before, after, (store, round) -> store.insert(500));
            row(size, "insert", before, after);
            int[][] picked = picks(size, 1_000);
            alternate(before, after, (store, round) -> store.find(picked[round]));
            row(size, "find by _id", before, after);
            alternate(before, after, (store, round) -> store.touch(picked[round]));
            row(size, "update by _id", before, after);
        }
    }

    private static void guardedUpdates(int size, String backend, Supplier<MongoBackend> unpatched,
            Supplier<MongoBackend> patched) {
        // fewer updates where the unpatched store reads every document for each
        int updatesPerRound = Math.max(20, 2_000_000 / size);
        try (Store before = new Store(unpatched.get(), size); Store after = new Store(patched.get(), size)) {
            int[][] picked = picks(size, updatesPerRound);
            alternate(before, after, (store, round) -> store.update(picked[round]));
            row(size, backend + " update", before, after);
        }
    }

    private static void durableWrites(int size, MongoBackend lazy, MongoBackend durable) {
        try (Store before = new Store(lazy, size); Store after = new Store(durable, size)) {
            alternate(before, after, (store, round) -> store.insert(500));
            row(size, "insert", before, after);
            int[][] picked = picks(size, 500);
            alternate(before, after, (store, round) -> store.update(picked[round]));
            row(size, "update", before, after);
        }
    }

    /** The ids each round updates, the same for both stores: one unrecorded round, then {@link #ROUNDS}. */
    private static int[][] picks(int size, int perRound) {
        Random ids = new Random(size);
        return IntStream.rangeClosed(0, ROUNDS).mapToObj(round -> ids.ints(perRound, 0, size).toArray())
                .toArray(int[][]::new);
    }

    /**
     * Both stores take turns, round by round, so that the machine's load falls on both alike; the first
     * round is not recorded, so that neither pays for the JIT's warm-up.
     */
    private static void alternate(Store before, Store after, BiConsumer<Store, Integer> round) {
        before.nanos.clear();
        after.nanos.clear();
        for (int i = 0; i <= ROUNDS; i++) {
            round.accept(before, i);
            round.accept(after, i);
            if (i == 0) {
                before.nanos.clear();
                after.nanos.clear();
            }
        }
    }

    private static void header(String before, String after) {
        System.out.printf("%-8s %-15s %10s %10s %8s   %10s %10s %8s   %8s%n", "N", "operation",
                before + " p50", "p99", "ops/s", after + " p50", "p99", "ops/s", "p50 ratio");
    }

    private static void row(int size, String operation, Store before, Store after) {
        System.out.printf("%-8d %-15s %14.2f %10.2f %8.0f   %12.2f %10.2f %8.0f   %8.2f%n", size, operation,
                before.percentile(50), before.percentile(99), before.perSecond(),
                after.percentile(50), after.percentile(99), after.perSecond(),
                before.percentile(50) / after.percentile(50));
    }

    private static String file(Path dir, String name) {
        return dir.resolve(name + ".mv.db").toString();
    }

    private static final class Store implements AutoCloseable {

        private final MongoServer server;
        private final MongoClient client;
        private final MongoCollection<Document> leads;
        private final int[] versions;
        private final List<Long> nanos = new ArrayList<>();
        private int inserted;

        Store(MongoBackend backend, int size) {
            server = new MongoServer(backend);
            server.bind("127.0.0.1", 0);
            client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
            leads = client.getDatabase("radar_bench").getCollection("leads");
            versions = new int[size];
            for (int from = 0; from < size; from += LOAD_BATCH) {
                List<Document> batch = new ArrayList<>();
                for (int i = from; i < Math.min(size, from + LOAD_BATCH); i++) {
                    batch.add(lead(i));
                }
                leads.insertMany(batch);
            }
        }

        private static Document lead(int i) {
            return new Document("_id", id(i)).append("version", 0).append("dealerId", "D-" + (i % 60))
                    .append("status", "OPEN").append("leadSequence", i)
                    .append("customer", new Document("kind", "PERSON").append("phoneHash", Integer.toHexString(i * 31)))
                    .append("model", "CS75 PLUS").append("outbox", List.of());
        }

        private static String id(int i) {
            return "lead-%07d".formatted(i);
        }

        void update(int[] picked) {
            for (int i : picked) {
                long start = System.nanoTime();
                Document guarded = new Document("_id", id(i)).append("version", versions[i]);
                long modified = leads.updateOne(guarded, Updates.set("version", versions[i] + 1)).getModifiedCount();
                nanos.add(System.nanoTime() - start);
                if (modified != 1) {
                    throw new IllegalStateException("The guarded update of " + id(i) + " changed nothing");
                }
                versions[i]++;
            }
        }

        void find(int[] picked) {
            for (int i : picked) {
                long start = System.nanoTime();
                Document found = leads.find(new Document("_id", id(i))).first();
                nanos.add(System.nanoTime() - start);
                if (found == null) {
                    throw new IllegalStateException("No document " + id(i));
                }
            }
        }

        void touch(int[] picked) {
            for (int i : picked) {
                long start = System.nanoTime();
                long matched = leads.updateOne(new Document("_id", id(i)), Updates.inc("touched", 1)).getMatchedCount();
                nanos.add(System.nanoTime() - start);
                if (matched != 1) {
                    throw new IllegalStateException("No document " + id(i));
                }
            }
        }

        void insert(int count) {
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                leads.insertOne(lead(versions.length + inserted++));
                nanos.add(System.nanoTime() - start);
            }
        }

        double percentile(int percent) {
            List<Long> sorted = nanos.stream().sorted().toList();
            int index = Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1);
            return sorted.get(Math.max(0, index)) / 1e6;
        }

        double perSecond() {
            return nanos.size() / (nanos.stream().mapToLong(Long::longValue).sum() / 1e9);
        }

        @Override
        public void close() {
            client.close();
            server.shutdownNow();
        }
    }
}
