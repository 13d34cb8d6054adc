package com.dealerradar.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Bucket4j's compare-and-swap over the embedded store, as two gateway instances would use it. */
class MongoBucketStoreTest {

    private static final Duration NO_REFILL_DURING_THE_TEST = Duration.ofHours(1);
    private static final Set<String> STORE_COMMANDS = Set.of("find", "insert", "update");

    private static MongoServer server;
    private static MongoClient client;
    private static ReactiveMongoTemplate mongo;
    private static final AtomicInteger roundTrips = new AtomicInteger();
    private static final AtomicInteger examined = new AtomicInteger();

    @BeforeAll
    static void store() {
        server = new MongoServer(new CountingBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.getLocalAddress().getPort()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        if (STORE_COMMANDS.contains(event.getCommandName())) {
                            roundTrips.incrementAndGet();
                        }
                    }
                })
                .build());
        mongo = new ReactiveMongoTemplate(client, "rate_limits_test");
        new BucketIndexes(mongo).run(null);
    }

    @AfterAll
    static void close() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void twoInstancesTakingAtOnceNeverHandOutMoreThanTheBucketHolds() {
        List<AsyncBucketProxy> instances = List.of(
                proxy("contended", 100, Optimization.NONE_OPTIMIZED),
                proxy("contended", 100, Optimization.NONE_OPTIMIZED));

        long taken = Flux.range(0, 300)
                .flatMap(i -> Mono.fromFuture(instances.get(i % 2).tryConsume(1)), 8)
                .filter(Boolean::booleanValue)
                .count()
                .block();

        assertThat(taken).isEqualTo(100);
    }

    @Test
    void aBucketIsOneSmallDocumentFoundByItsId() {
        AsyncBucketProxy bucket = proxy("key-1 small", 10, Optimization.NONE_OPTIMIZED);
        for (int i = 0; i < 5; i++) {
            bucket.tryConsume(1).join();
        }

        List<Document> documents = mongo.findAll(Document.class, MongoBucketStore.COLLECTION).collectList().block()
                .stream().filter(document -> document.getString("_id").equals("key-1 small")).toList();

        assertThat(documents).singleElement().satisfies(document -> {
            assertThat(document.keySet()).containsExactlyInAnyOrder("_id", "rev", "state");
            assertThat(document.toJson().length()).isLessThan(1_000);
        });
    }

    /**
     * What the gateway runs with (settle every 50 tokens): one key's steady traffic costs the store a
     * read and a write per 50 requests, where an unoptimized bucket costs both on every request.
     */
    @Test
    void aKeysTrafficCostsTheStoreARoundTripPerSyncTokensNotPerRequest() {
        int requests = 1_000;
        long syncTokens = 50;
        AsyncBucketProxy delayed = proxy("delayed", 1_000_000,
                Optimizations.delaying(new DelayParameters(syncTokens, NO_REFILL_DURING_THE_TEST)));
        AsyncBucketProxy plain = proxy("plain", 1_000_000, Optimization.NONE_OPTIMIZED);

        int delayedRoundTrips = roundTripsFor(delayed, requests);
        int plainRoundTrips = roundTripsFor(plain, requests);

        System.out.printf("%,d requests, one at a time: %,d store round trips unoptimized, %,d settling every %d tokens%n",
                requests, plainRoundTrips, delayedRoundTrips, syncTokens);
        // a read and a write per request, plus one read for the bucket's first request, which creates it
        assertThat(plainRoundTrips).isEqualTo(2 * requests + 1);
        assertThat(delayedRoundTrips).isLessThanOrEqualTo((int) (2 * (requests / syncTokens + 1)));
    }

    /**
     * On the embedded store only an {@code _id} lookup or an exact match on a unique index is answered
     * without reading the whole collection: a settlement must be both, however many keys there are.
     */
    @Test
    void aSettlementExaminesOnlyItsOwnBucketHoweverManyThereAre() {
        mongo.insert(IntStream.range(0, 1_000)
                .mapToObj(i -> new Document("_id", "other-" + i).append("rev", new ObjectId()).append("state", new Binary(new byte[40])))
                .toList(), MongoBucketStore.COLLECTION).blockLast();
        AsyncBucketProxy bucket = proxy("one of many", 10, Optimization.NONE_OPTIMIZED);
        bucket.tryConsume(1).join();

        examined.set(0);
        assertThat(bucket.tryConsume(1).join()).isTrue();

        // one document found by _id, the same one found by its revision and swapped
        assertThat(examined.get()).isEqualTo(2);
    }

    private static int roundTripsFor(AsyncBucketProxy bucket, int requests) {
        int before = roundTrips.get();
        for (int i = 0; i < requests; i++) {
            assertThat(bucket.tryConsume(1).join()).isTrue();
        }
        return roundTrips.get() - before;
    }

    /** A proxy of its own store object, as each gateway instance has. */
    private static AsyncBucketProxy proxy(String bucketId, long capacity, Optimization optimization) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(1, NO_REFILL_DURING_THE_TEST))
                .build();
        return new MongoBucketStore(mongo, ClientSideConfig.getDefault()).asAsync().builder()
                .withOptimization(optimization)
                .build(bucketId, configuration);
    }

    /** Counts the documents the store compares with a query, as testkit's IdLookupScanTest does. */
    private static final class CountingBackend extends MemoryBackend {

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
