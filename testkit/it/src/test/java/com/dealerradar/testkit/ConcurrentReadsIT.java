package com.dealerradar.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader never sees a document while an update rewrites it. The library updates a stored document
 * in place and encodes query answers after it left the collection's lock, so a reader that shared the
 * stored instance could get half of an update, or fail the encoding and lose its connection.
 */
class ConcurrentReadsIT {

    private static final int UPDATES = 1_000;
    private static final int READERS = 2;

    @Test
    void readersOfTheMemoryStoreSeeEachUpdateWholeOrNotAtAll() throws Exception {
        try (EmbeddedMongo store = EmbeddedMongo.inMemory(0)) {
            assertReadersSeeWholeUpdates(store);
        }
    }

    @Test
    void readersOfTheFileStoreSeeEachUpdateWholeOrNotAtAll(@TempDir Path dir) throws Exception {
        try (EmbeddedMongo store = EmbeddedMongo.file(dir.resolve("store.mv.db"), 0)) {
            assertReadersSeeWholeUpdates(store);
        }
    }

    /** Each update sets {@code a} and {@code b} to the same new value and appends that value to a list. */
    private static void assertReadersSeeWholeUpdates(EmbeddedMongo store) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(READERS + 1);
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("radar").getCollection("docs");
            docs.insertOne(new Document("_id", "doc").append("a", 0).append("b", 0).append("seen", new ArrayList<>()));
            AtomicBoolean writing = new AtomicBoolean(true);
            Future<?> writer = pool.submit(() -> {
                try {
                    for (int i = 1; i <= UPDATES; i++) {
                        docs.updateOne(Filters.eq("_id", "doc"), Updates.combine(Updates.set("a", i),
                                Updates.set("b", i), Updates.push("seen", new Document("i", i).append("twice", 2 * i))));
                    }
                } finally {
                    writing.set(false);
                }
            });
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                readers.add(pool.submit(() -> {
                    int reads = 0;
                    while (writing.get()) {
                        Document doc = docs.find(Filters.eq("_id", "doc")).first();
                        assertThat(doc.getInteger("b")).isEqualTo(doc.getInteger("a"));
                        assertThat(doc.getList("seen", Document.class)).hasSize(doc.getInteger("a"));
                        reads++;
                    }
                    return reads;
                }));
            }
            writer.get(2, TimeUnit.MINUTES);
            int reads = 0;
            for (Future<Integer> reader : readers) {
                reads += reader.get(1, TimeUnit.MINUTES);
            }
            assertThat(reads).isPositive();
            assertThat(docs.find(Filters.eq("_id", "doc")).first().getInteger("a")).isEqualTo(UPDATES);
        } finally {
            pool.shutdownNow();
        }
    }
}
