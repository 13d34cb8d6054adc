package com.dealerradar.gateway.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RevocationEpochTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final RevocationEpoch epoch = new RevocationEpoch(Duration.ofMillis(700), nanos::get);

    @Test
    void nothingIsTrustedBeforeTheFirstRead() {
        assertThat(epoch.trusted()).isEmpty();
        assertThat(epoch.known()).isZero();
    }

    @Test
    void aReadIsTrustedForTheWindowCountedFromWhenItBegan() {
        long startedAt = nanos.get();
        nanos.addAndGet(millis(100));
        epoch.observed(3, startedAt);

        nanos.set(startedAt + millis(700));
        assertThat(epoch.trusted()).hasValue(3);
        nanos.set(startedAt + millis(701));
        assertThat(epoch.trusted()).isEmpty();
        assertThat(epoch.known()).isEqualTo(3);
    }

    @Test
    void aSlowReadThatAnswersLateNeitherLowersTheEpochNorAgesTheLatestRead() {
        long slowReadStart = nanos.get();
        long fastReadStart = slowReadStart + millis(200);
        epoch.observed(5, fastReadStart);
        epoch.observed(4, slowReadStart);

        nanos.set(fastReadStart + millis(650));
        assertThat(epoch.trusted()).hasValue(5);
    }

    @Test
    void theWindowMustStayBelowTheOneSecondPromise() {
        assertThatThrownBy(() -> new RevocationEpoch(Duration.ofSeconds(1), nanos::get))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RevocationEpoch(Duration.ZERO, nanos::get))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static long millis(long ms) {
        return Duration.ofMillis(ms).toNanos();
    }
}
