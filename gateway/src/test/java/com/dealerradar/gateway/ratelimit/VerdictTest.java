package com.dealerradar.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void retryAfterIsRoundedUpToWholeSecondsAndNeverZero() {
        assertThat(Verdict.refused(Duration.ofMillis(1).toNanos()).retryAfterSeconds()).isEqualTo(1);
        assertThat(Verdict.refused(Duration.ofMillis(1_000).toNanos()).retryAfterSeconds()).isEqualTo(1);
        assertThat(Verdict.refused(Duration.ofMillis(1_001).toNanos()).retryAfterSeconds()).isEqualTo(2);
        assertThat(Verdict.refused(0).retryAfterSeconds()).isEqualTo(1);
    }
}
