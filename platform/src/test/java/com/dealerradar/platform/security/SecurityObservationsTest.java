package com.dealerradar.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

/**
 * With the settings every service imports ({@code radar-defaults.yml}), Spring Security does not observe
 * each filter and authorization of a request (a tenth of a service's CPU under load), while the request
 * itself is still observed.
 */
class SecurityObservationsTest {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withInitializer(context -> {
                try {
                    new YamlPropertySourceLoader().load("radar-defaults", new ClassPathResource("radar-defaults.yml"))
                            .forEach(context.getEnvironment().getPropertySources()::addLast);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            })
            .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class))
            // Without a handler every observation is a no-op, whatever the settings.
            .withBean(ObservationHandler.class, () -> context -> true);

    @Test
    void springSecurityObservesNothingOfItsOwnButTheRequestIsObserved() {
        service.run(context -> {
            ObservationRegistry registry = context.getBean(ObservationRegistry.class);

            assertThat(Observation.createNotStarted("spring.security.filterchains", registry).isNoop()).isTrue();
            assertThat(Observation.createNotStarted("spring.security.authorizations", registry).isNoop()).isTrue();
            assertThat(Observation.createNotStarted("http.server.requests", registry).isNoop()).isFalse();
        });
    }
}
