package com.dealerradar.gateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class AdminKeyRequiredIT {

    @Test
    void theGatewayDoesNotStartWithoutAnAdminKey() {
        assertFailsToStart(start(""));
    }

    @Test
    void theGatewayDoesNotStartWithAShortAdminKey() {
        assertFailsToStart(start("too-short"));
    }

    private static ThrowingCallable start(String adminKey) {
        return () -> new SpringApplicationBuilder(GatewayApplication.class)
                .properties(
                        "radar.admin-key=" + adminKey,
                        "radar.security.internal-token-secret=" + GatewayTestEnvironment.TOKEN_SECRET,
                        "server.port=0",
                        "server.address=127.0.0.1",
                        "spring.mongodb.uri=mongodb://127.0.0.1:1")
                .run()
                .close();
    }

    private static void assertFailsToStart(ThrowingCallable start) {
        assertThatThrownBy(start)
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RADAR_ADMIN_KEY");
    }
}
