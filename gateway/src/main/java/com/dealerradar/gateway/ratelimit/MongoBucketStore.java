package com.dealerradar.gateway.ratelimit;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * Bucket4j's compare-and-swap SPI over the key store, so that every gateway instance takes a key's
 * tokens from one bucket. Bucket4j serves no MongoDB integration, hence this one.
 * <p>
 * One small document per bucket in {@code rate_limit_buckets}: {@code {_id, rev, state}}, where
 * {@code state} is Bucket4j's serialized bucket (a few dozen bytes) and {@code rev} a fresh ObjectId on
 * every write. It is read by {@code _id} and swapped by {@code rev} alone, under a unique index: on the
 * embedded store only an {@code _id} lookup or an exact match on a unique index is answered without
 * reading the whole collection, so a guard such as {@code {_id, state}} would not do.
 * <p>
 * Only the asynchronous side is implemented: the gateway decides on event-loop threads, which must
 * never block on the store.
 */
public class MongoBucketStore extends AbstractCompareAndSwapBasedProxyManager<String> {

    static final String COLLECTION = "rate_limit_buckets";
    static final String REVISION = "rev";
    private static final String STATE = "state";

    private final ReactiveMongoTemplate mongo;

    public MongoBucketStore(ReactiveMongoTemplate mongo, ClientSideConfig clientSideConfig) {
        super(clientSideConfig);
        this.mongo = mongo;
    }

    @Override
    public boolean isAsyncModeSupported() {
        return true;
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String bucketId) {
        return new Swap(bucketId);
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String bucketId) {
        throw new UnsupportedOperationException("the gateway takes tokens asynchronously only (asAsync())");
    }

    @Override
    public void removeProxy(String bucketId) {
        throw new UnsupportedOperationException("the gateway takes tokens asynchronously only (asAsync())");
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String bucketId) {
        return mongo.remove(query(where("_id").is(bucketId)), COLLECTION).then().toFuture();
    }

    /**
     * One decision: read the bucket, then swap it if nobody wrote it since. Bucket4j retries with the
     * same operation after a lost swap, reading again first.
     */
    private final class Swap implements AsyncCompareAndSwapOperation {

        private final String bucketId;
        /** The revision last read; null when there was no bucket yet. */
        private ObjectId readRevision;

        Swap(String bucketId) {
            this.bucketId = bucketId;
        }

        @Override
        public CompletableFuture<Optional<byte[]>> getStateData(Optional<Long> timeoutNanos) {
            return within(timeoutNanos, mongo.findById(bucketId, Document.class, COLLECTION)
                    .map(document -> {
                        readRevision = document.getObjectId(REVISION);
                        return Optional.of(document.get(STATE, Binary.class).getData());
                    })
                    .switchIfEmpty(Mono.fromSupplier(() -> {
                        readRevision = null;
                        return Optional.empty();
                    })))
                    .toFuture();
        }

        @Override
        public CompletableFuture<Boolean> compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
                                                         Optional<Long> timeoutNanos) {
            ObjectId newRevision = new ObjectId();
            Mono<Boolean> swapped = readRevision == null
                    ? mongo.insert(new Document("_id", bucketId).append(REVISION, newRevision).append(STATE, new Binary(newData)),
                                    COLLECTION)
                            .thenReturn(true)
                            .onErrorReturn(DuplicateKeyException.class, false)
                    : mongo.updateFirst(query(where(REVISION).is(readRevision)),
                                    new Update().set(REVISION, newRevision).set(STATE, new Binary(newData)), COLLECTION)
                            .map(result -> result.getModifiedCount() == 1);
            return within(timeoutNanos, swapped).toFuture();
        }
    }

    private static <T> Mono<T> within(Optional<Long> timeoutNanos, Mono<T> operation) {
        return timeoutNanos.map(nanos -> operation.timeout(Duration.ofNanos(nanos))).orElse(operation);
    }
}
