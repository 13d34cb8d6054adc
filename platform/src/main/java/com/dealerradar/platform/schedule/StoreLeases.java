package com.dealerradar.platform.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.core.AbstractSimpleLock;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Leases of scheduled jobs for ShedLock, kept in the service's own store: one small document per job,
 * {@code {_id: job name, until, takenAt, holder, lease}}. An instance takes a job's lease with one
 * upsert filtered by {@code _id} and {@code until <= now}: it matches a lease that ran out, and on a
 * lease still held it tries to insert a second document with the same {@code _id}, which the store
 * refuses. So exactly one instance runs the job until it hands the lease back, or until the lease's
 * {@code lockAtMostFor} has passed when its holder died.
 * <p>
 * Written over the reactive template because ShedLock's reactive-streams Mongo provider is not
 * published for ShedLock 7; every filter fixes {@code _id}, which the embedded store answers from the
 * {@code _id} index.
 */
public class StoreLeases implements LockProvider {

    public static final String COLLECTION = "scheduler_leases";

    private static final Logger log = LoggerFactory.getLogger(StoreLeases.class);
    /** A store that does not answer within this costs one skipped run, not a stuck scheduler thread. */
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(10);
    private static final String UNTIL = "until";
    private static final String TAKEN_AT = "takenAt";
    private static final String HOLDER = "holder";
    private static final String LEASE = "lease";

    private final ReactiveMongoTemplate mongo;
    private final String holder;

    /** @param holder names this instance in the lease documents, for whoever looks at them */
    public StoreLeases(ReactiveMongoTemplate mongo, String holder) {
        this.mongo = mongo;
        this.holder = holder;
    }

    @Override
    public Optional<SimpleLock> lock(LockConfiguration job) {
        Instant now = ClockProvider.now();
        String lease = UUID.randomUUID().toString();
        Query runOut = Query.query(Criteria.where("_id").is(job.getName()).and(UNTIL).lte(Date.from(now)));
        Update take = new Update().set(UNTIL, Date.from(job.getLockAtMostUntil())).set(TAKEN_AT, Date.from(now))
                .set(HOLDER, holder).set(LEASE, lease);
        try {
            mongo.upsert(runOut, take, COLLECTION).block(STORE_TIMEOUT);
            return Optional.of(new Lease(job, lease));
        } catch (DuplicateKeyException heldElsewhere) {
            return Optional.empty();
        } catch (RuntimeException storeAway) {
            log.info("lease of {} not taken, this run is skipped: {}", job.getName(), storeAway.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Hands the lease back, at the earliest at {@code lockAtLeastFor}; only while it is still this
     * acquisition's, so a run that outlived its lease cannot free the lease another instance took since.
     */
    private void release(LockConfiguration job, String lease) {
        Query mine = Query.query(Criteria.where("_id").is(job.getName()).and(LEASE).is(lease));
        try {
            mongo.updateFirst(mine, new Update().set(UNTIL, Date.from(job.getUnlockTime())), COLLECTION)
                    .block(STORE_TIMEOUT);
        } catch (RuntimeException storeAway) {
            log.info("lease of {} not handed back, it runs out at {}: {}", job.getName(), job.getLockAtMostUntil(),
                    storeAway.getMessage());
        }
    }

    private final class Lease extends AbstractSimpleLock {

        private final String lease;

        private Lease(LockConfiguration job, String lease) {
            super(job);
            this.lease = lease;
        }

        @Override
        protected void doUnlock() {
            release(lockConfiguration, lease);
        }
    }
}
