package com.dealerradar.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

/**
 * A guarded write on a collection of many documents examines only the document its {@code _id} names:
 * the store counts every document it holds against a filter, patched and unpatched, on the same data.
 */
class IdLookupScanTest {

    private static final int DOCUMENTS = 1_000;

    private final AtomicInteger examined = new AtomicInteger();

    @Test
    void guardedWritesOnTheMemoryStoreExamineOnlyTheDocumentsTheirIdsName() {
        assertThat(examinedBy(new CountingMemoryBackend(examined), IdLookupScanTest::guardedUpdate)).isEqualTo(1);
        assertThat(examinedBy(new CountingMemoryBackend(examined), IdLookupScanTest::guardedFindAndModify)).isEqualTo(1);
        assertThat(examinedBy(new CountingMemoryBackend(examined), IdLookupScanTest::guardedDelete)).isEqualTo(1);
        assertThat(examinedBy(new CountingMemoryBackend(examined), IdLookupScanTest::guardedReadOfThree)).isEqualTo(3);
        assertThat(examinedBy(new CountingMemoryBackend(examined), IdLookupScanTest::rangeOnId)).isEqualTo(DOCUMENTS);
    }

    @Test
    void guardedWritesOnTheH2StoreExamineOnlyTheDocumentsTheirIdsName() {
        assertThat(examinedBy(new CountingH2Backend(examined), IdLookupScanTest::guardedUpdate)).isEqualTo(1);
        assertThat(examinedBy(new CountingH2Backend(examined), IdLookupScanTest::guardedReadOfThree)).isEqualTo(3);
    }

    @Test
    void theUnpatchedStoreExaminesEveryDocumentForTheSameWrite() {
        assertThat(examinedBy(new CountingUnpatchedBackend(examined), IdLookupScanTest::guardedUpdate)).isEqualTo(DOCUMENTS);
    }

    private static long guardedUpdate(MongoCollection<Document> leads) {
        return leads.updateOne(Document.parse("{_id: 'lead-500', version: 3}"), Document.parse("{$inc: {version: 1}}"))
                .getModifiedCount();
    }

    private static long guardedFindAndModify(MongoCollection<Document> leads) {
        return leads.findOneAndUpdate(Document.parse("{_id: 'lead-500', leadSequence: {$lt: 7}}"),
                Document.parse("{$set: {leadSequence: 7}}")) == null ? 0 : 1;
    }

    private static long guardedDelete(MongoCollection<Document> leads) {
        return leads.deleteOne(Document.parse("{_id: 'lead-500', 'outbox.0': {$exists: true}}")).getDeletedCount();
    }

    private static long guardedReadOfThree(MongoCollection<Document> leads) {
        return leads.find(Document.parse("{_id: {$in: ['lead-1', 'lead-500', 'lead-999', 'none']}, version: 3}"))
                .into(new ArrayList<>()).size();
    }

    private static long rangeOnId(MongoCollection<Document> leads) {
        return leads.find(Document.parse("{_id: {$gte: 'lead-500'}, version: 3}")).into(new ArrayList<>()).size();
    }

    /** How many documents the operation made the store examine; the operation must have found its documents. */
    private int examinedBy(MongoBackend backend, Function<MongoCollection<Document>, Long> operation) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> leads = client.getDatabase("radar").getCollection("leads");
            List<Document> documents = IntStream.range(0, DOCUMENTS)
                    .mapToObj(i -> Document.parse("{_id: 'lead-%d', version: 3, leadSequence: 6, outbox: [{id: 'e'}]}".formatted(i)))
                    .toList();
            leads.insertMany(documents);
            examined.set(0);

            assertThat(operation.apply(leads)).isPositive();
            return examined.get();
        } finally {
            server.shutdownNow();
        }
    }

    private static final class CountingMemoryBackend extends IdLookupMemoryBackend {

        private final AtomicInteger examined;

        CountingMemoryBackend(AtomicInteger examined) {
            this.examined = examined;
        }

        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            return new Database(databaseName, getCursorRegistry()) {
                @Override
                protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                    return new Collection(this, collectionName, options, cursorRegistry) {
                        @Override
                        protected boolean documentMatchesQuery(de.bwaldvogel.mongo.bson.Document document,
                                de.bwaldvogel.mongo.bson.Document query) {
                            examined.incrementAndGet();
                            return super.documentMatchesQuery(document, query);
                        }
                    };
                }
            };
        }
    }

    private static final class CountingH2Backend extends IdLookupH2Backend {

        private final AtomicInteger examined;

        CountingH2Backend(AtomicInteger examined) {
            super(MVStore.open(null));
            this.examined = examined;
        }

        @Override
        protected de.bwaldvogel.mongo.MongoDatabase openOrCreateDatabase(String databaseName) {
            return new Database(databaseName, getMvStore(), getCursorRegistry()) {
                @Override
                protected de.bwaldvogel.mongo.MongoCollection<Object> openOrCreateCollection(String collectionName,
                        CollectionOptions options) {
                    String fullName = getFullCollectionNamespace(collectionName);
                    return new Collection(this, collectionName, options, getMvStore().openMap("databases." + fullName),
                            getMvStore().openMap("meta." + fullName), cursorRegistry) {
                        @Override
                        protected boolean documentMatchesQuery(de.bwaldvogel.mongo.bson.Document document,
                                de.bwaldvogel.mongo.bson.Document query) {
                            examined.incrementAndGet();
                            return super.documentMatchesQuery(document, query);
                        }
                    };
                }
            };
        }
    }

    private static final class CountingUnpatchedBackend extends MemoryBackend {

        private final AtomicInteger examined;

        CountingUnpatchedBackend(AtomicInteger examined) {
            this.examined = examined;
        }

        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            return new MemoryDatabase(databaseName, getCursorRegistry()) {
                @Override
                protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                    return new MemoryCollection(this, collectionName, options, cursorRegistry) {
                        @Override
                        protected boolean documentMatchesQuery(de.bwaldvogel.mongo.bson.Document document,
                                de.bwaldvogel.mongo.bson.Document query) {
                            examined.incrementAndGet();
                            return super.documentMatchesQuery(document, query);
                        }
                    };
                }
            };
        }
    }
}
