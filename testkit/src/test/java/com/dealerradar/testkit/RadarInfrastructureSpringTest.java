package com.dealerradar.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

@RadarInfrastructure
@SpringJUnitConfig(RadarInfrastructureSpringTest.Empty.class)
@TestPropertySource(properties = "radar.kafka.topic-prefix=overridden.")
class RadarInfrastructureSpringTest {

    @Autowired
    Environment environment;

    @Test
    void pointsTheContextAtTheSharedInfrastructureInItsNamespace(SharedInfrastructure infrastructure,
            Namespace namespace) {
        assertThat(environment.getProperty("spring.mongodb.uri")).isEqualTo(infrastructure.mongo().connectionString());
        assertThat(environment.getProperty("spring.mongodb.database")).isEqualTo(namespace.id() + "_db");
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers"))
                .isEqualTo(infrastructure.kafka().bootstrapServers());
        assertThat(environment.getProperty("radar.security.internal-token-secret")).hasSize(48);
        assertThat(environment.getProperty("radar.privacy.phone-hash-key"))
                .isNotEqualTo(environment.getProperty("radar.security.internal-token-secret"));
    }

    @Test
    void letsTheTestsOwnPropertiesWin() {
        assertThat(environment.getProperty("radar.kafka.topic-prefix")).isEqualTo("overridden.");
    }

    @Test
    void keysTheContextCacheOnTheNamespaceOwner() {
        assertThat(new RadarInfrastructureContextCustomizer(RadarInfrastructureSpringTest.class))
                .isEqualTo(new RadarInfrastructureContextCustomizer(RadarInfrastructureSpringTest.class))
                .isNotEqualTo(new RadarInfrastructureContextCustomizer(RadarInfrastructureExtensionTest.class));
    }

    @Configuration
    static class Empty {
    }
}
