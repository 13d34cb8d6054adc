package com.dealerradar.gateway.key;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * What this gateway instance knows of the revocation epoch: a counter in the store that every
 * revocation advances. A cached key is believed only while the instance has read the counter
 * recently enough. A revocation finishes (and answers) only after advancing the counter, so any read
 * of it started after that answer sees the new value; an instance that trusts only reads started
 * within {@code trustWindow} (less than a second) has therefore seen every revocation answered a
 * second ago or earlier, even if the store cannot be read at all: then nothing is trusted.
 * <p>
 * Plain Java; time is passed in as a monotonic nanosecond clock so that the rule can be tested.
 */
public final class RevocationEpoch {

    private final long trustWindowNanos;
    private final LongSupplier nanoClock;
    private Observation latest = new Observation(0, Long.MIN_VALUE);

    /** One read of the counter: its value, and when the read began. */
    private record Observation(long epoch, long readStartedAt) {}

    public RevocationEpoch(Duration trustWindow, LongSupplier nanoClock) {
        if (trustWindow.isNegative() || trustWindow.isZero() || trustWindow.compareTo(Duration.ofSeconds(1)) >= 0) {
            throw new IllegalArgumentException("the revocation trust window must lie between 0 and 1 s, so that "
                    + "a revoked key is refused within a second; it is " + trustWindow);
        }
        this.trustWindowNanos = trustWindow.toNanos();
        this.nanoClock = nanoClock;
    }

    /** The clock reads are stamped with; read it before reading the counter. */
    public long now() {
        return nanoClock.getAsLong();
    }

    /**
     * Records a read of the counter that began at {@code readStartedAt}. The epoch never goes back (a
     * slow read may answer after a newer one) and neither does the time of the freshest read.
     */
    public synchronized void observed(long epoch, long readStartedAt) {
        Observation before = latest;
        long freshest = before.readStartedAt() == Long.MIN_VALUE ? readStartedAt
                : Math.max(before.readStartedAt(), readStartedAt);
        latest = new Observation(Math.max(before.epoch(), epoch), freshest);
    }

    /** The latest epoch this instance has seen, trusted or not: what a key lookup is tagged with. */
    public synchronized long known() {
        return latest.epoch();
    }

    /** The epoch, if the counter was read recently enough to believe cached keys; empty otherwise. */
    public synchronized OptionalLong trusted() {
        Observation current = latest;
        if (current.readStartedAt() == Long.MIN_VALUE || nanoClock.getAsLong() - current.readStartedAt() > trustWindowNanos) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(current.epoch());
    }
}
