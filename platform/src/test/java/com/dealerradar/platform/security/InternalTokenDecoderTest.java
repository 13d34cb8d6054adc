package com.dealerradar.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

class InternalTokenDecoderTest {

    private static final String SECRET = "a-shared-internal-token-secret-of-48-characters!";
    private static final Caller REGION_MANAGER = new Caller("key-7", Role.REGION_MANAGER, null, "Chifeng");

    private final InternalToken gateway = new InternalToken(SECRET);
    private final ReactiveJwtDecoder analytics = InternalTokenDecoder.forAudience(SECRET, "analytics-service");

    @Test
    void aServiceReadsTheCallerFromATokenForItself() {
        String token = gateway.sign(REGION_MANAGER, "analytics-service", Instant.now());

        assertThat(InternalToken.callerOf(analytics.decode(token).block())).isEqualTo(REGION_MANAGER);
    }

    @Test
    void aTokenForLeadServiceIsRefusedByAnalyticsService() {
        String forLeadService = gateway.sign(REGION_MANAGER, "lead-service", Instant.now());

        assertThatThrownBy(() -> analytics.decode(forLeadService).block())
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("aud");
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        String forged = new InternalToken("another-secret-of-at-least-thirty-two-bytes!!")
                .sign(REGION_MANAGER, "analytics-service", Instant.now());

        assertThatThrownBy(() -> analytics.decode(forged).block()).isInstanceOf(JwtException.class);
    }

    @Test
    void aTokenRefusedOnceIsRefusedAgain() {
        String forLeadService = gateway.sign(REGION_MANAGER, "lead-service", Instant.now());
        String forged = new InternalToken("another-secret-of-at-least-thirty-two-bytes!!")
                .sign(REGION_MANAGER, "analytics-service", Instant.now());

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> analytics.decode(forLeadService).block()).isInstanceOf(JwtValidationException.class);
            assertThatThrownBy(() -> analytics.decode(forged).block()).isInstanceOf(JwtException.class);
        }
    }

    @Test
    void anExpiredTokenIsRefused() {
        String expired = gateway.sign(REGION_MANAGER, "analytics-service", Instant.now().minus(InternalToken.LIFETIME.multipliedBy(3)));

        assertThatThrownBy(() -> analytics.decode(expired).block())
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aServiceWithoutANameCannotReadTokens() {
        assertThatThrownBy(() -> InternalTokenDecoder.forAudience(SECRET, " "))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("radar.security.audience");
    }
}
