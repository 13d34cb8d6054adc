package com.dealerradar.platform.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealerradar.testkit.InMemoryStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Leases of scheduled jobs on the embedded store, taken by several instances as each service's would be. */
class StoreLeasesIT {

    private static final Duration LONG = Duration.ofMinutes(10);

    @RegisterExtension
    static final InMemoryStore STORE = new InMemoryStore("leases_test");

    @Test
    void whileOneInstanceHoldsTheLeaseNoOtherTakesItAndAfterItIsHandedBackOneDoes() {
        String job = job();
        Optional<SimpleLock> held = instance("a").lock(lease(job, LONG));

        assertThat(held).isPresent();
        assertThat(instance("b").lock(lease(job, LONG))).isEmpty();
        assertThat(instance("a").lock(lease(job, LONG))).as("another run of the holder's own instance").isEmpty();

        held.get().unlock();
        assertThat(instance("b").lock(lease(job, LONG))).isPresent();
    }

    @Test
    void manyInstancesReachingForAFreeLeaseAtOnceLeaveItToOne() throws Exception {
        String job = job();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> attempts = IntStream.range(0, 8)
                    .<Callable<Boolean>>mapToObj(i -> () -> instance("i" + i).lock(lease(job, LONG)).isPresent())
                    .toList();
            long taken = 0;
            for (Future<Boolean> attempt : threads.invokeAll(attempts)) {
                taken += attempt.get() ? 1 : 0;
            }
            assertThat(taken).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aLeaseWhoseHolderDiedIsTakenOverOnceItsLockAtMostForHasPassed() {
        String job = job();
        // the holder takes the lease and dies without handing it back
        assertThat(instance("dead").lock(lease(job, Duration.ofSeconds(1)))).isPresent();
        assertThat(instance("b").lock(lease(job, LONG))).isEmpty();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> instance("b").lock(lease(job, LONG)).isPresent());
    }

    @Test
    void aRunThatOutlivedItsLeaseDoesNotHandBackTheLeaseTheNextHolderTook() {
        String job = job();
        SimpleLock slow = instance("slow").lock(lease(job, Duration.ofMillis(300))).orElseThrow();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> instance("next").lock(lease(job, LONG)).isPresent());

        slow.unlock();

        assertThat(instance("third").lock(lease(job, LONG))).isEmpty();
    }

    @Test
    void aLeaseHandedBackEarlyIsKeptUntilItsLockAtLeastFor() {
        String job = job();
        SimpleLock held = instance("a").lock(new LockConfiguration(ClockProvider.now(), job, LONG, LONG)).orElseThrow();

        held.unlock();

        assertThat(instance("b").lock(lease(job, LONG))).isEmpty();
    }

    @Test
    void jobsHaveLeasesOfTheirOwn() {
        assertThat(instance("a").lock(lease(job(), LONG))).isPresent();
        assertThat(instance("a").lock(lease(job(), LONG))).isPresent();
    }

    private static StoreLeases instance(String name) {
        return new StoreLeases(STORE.template(), name);
    }

    private static LockConfiguration lease(String job, Duration lockAtMostFor) {
        return new LockConfiguration(ClockProvider.now(), job, lockAtMostFor, Duration.ZERO);
    }

    private static String job() {
        return "job-" + UUID.randomUUID();
    }
}
