package com.dealerradar.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitPropertiesTest {

    private static final RateLimitProperties.Address ADDRESS = new RateLimitProperties.Address(50, Duration.ofSeconds(1), 500);
    private static final RateLimitProperties.Sync SYNC = new RateLimitProperties.Sync(50, Duration.ofMillis(100));

    @Test
    void aBurstTooSmallForTheHeaviestRequestIsRefused() {
        RateLimitProperties.Key key = new RateLimitProperties.Key(100, Duration.ofSeconds(1), 9);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RateLimitProperties(key, ADDRESS, new RateLimitProperties.Weights(10, 3), SYNC))
                .withMessageContaining("key.burst");
    }

    @Test
    void aRateWithoutTokensIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitProperties.Key(0, Duration.ofSeconds(1), 10));
        assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitProperties.Address(5, Duration.ZERO, 10));
    }

    @Test
    void anEmptyBucketFillsUpInWholePeriods() {
        assertThat(new RateLimitProperties.Key(2000, Duration.ofSeconds(1), 20000).refillTime()).isEqualTo(Duration.ofSeconds(10));
        assertThat(new RateLimitProperties.Address(50, Duration.ofSeconds(1), 501).refillTime()).isEqualTo(Duration.ofSeconds(11));
    }

    @Test
    void aShapeNamesBurstTokensAndPeriod() {
        assertThat(new RateLimitProperties.Key(2000, Duration.ofSeconds(1), 20000).shape()).isEqualTo("20000+2000/PT1S");
    }
}
