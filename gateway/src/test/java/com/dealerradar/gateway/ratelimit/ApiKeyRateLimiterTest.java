package com.dealerradar.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ApiKeyRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong();
    private final ApiKeyRateLimiter limiter = new ApiKeyRateLimiter(new RateLimitProperties(10, 2), nanos::get);

    @Test
    void aBurstPassesThenTheKeyWaitsForTheNextToken() {
        assertThat(limiter.acquire("k")).isZero();
        assertThat(limiter.acquire("k")).isZero();

        assertThat(limiter.acquire("k")).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void tokensComeBackWithTimeButNeverBeyondTheBurst() {
        limiter.acquire("k");
        limiter.acquire("k");
        nanos.addAndGet(Duration.ofSeconds(60).toNanos());

        assertThat(limiter.acquire("k")).isZero();
        assertThat(limiter.acquire("k")).isZero();
        assertThat(limiter.acquire("k")).isPositive();
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        limiter.acquire("a");
        limiter.acquire("a");

        assertThat(limiter.acquire("a")).isPositive();
        assertThat(limiter.acquire("b")).isZero();
    }
}
