package com.dealerradar.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class TracingSwitchTest {

    private final TracingSwitch tracingSwitch = new TracingSwitch();

    @Test
    void withoutAnEndpointNothingIsSampledExportedOrPropagated() {
        MockEnvironment environment = new MockEnvironment();

        tracingSwitch.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.tracing.export.enabled", Boolean.class)).isFalse();
        assertThat(environment.getProperty("management.tracing.sampling.probability", Double.class)).isZero();
        assertThat(environment.containsProperty("management.opentelemetry.tracing.export.otlp.endpoint")).isFalse();
        assertThat(environment.getProperty("spring.kafka.template.observation-enabled", Boolean.class, false)).isFalse();
        assertThat(environment.getProperty("spring.kafka.listener.observation-enabled", Boolean.class, false)).isFalse();
        assertThat(environment.containsProperty("spring.reactor.context-propagation")).isFalse();
    }

    @Test
    void anEndpointSwitchesExportSamplingKafkaObservationAndReactorPropagationOn() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(TracingSwitch.ENDPOINT, " http://127.0.0.1:4318/v1/traces ");

        tracingSwitch.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.opentelemetry.tracing.export.otlp.endpoint"))
                .isEqualTo("http://127.0.0.1:4318/v1/traces");
        assertThat(environment.getProperty("management.tracing.export.enabled", Boolean.class, true)).isTrue();
        assertThat(environment.getProperty("management.tracing.sampling.probability", Double.class)).isEqualTo(1.0);
        assertThat(environment.getProperty("spring.kafka.template.observation-enabled", Boolean.class)).isTrue();
        assertThat(environment.getProperty("spring.kafka.listener.observation-enabled", Boolean.class)).isTrue();
        assertThat(environment.getProperty("spring.reactor.context-propagation")).isEqualTo("auto");
    }

    @Test
    void settingsGivenElsewhereWinOverTheSwitchDefaults() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(TracingSwitch.ENDPOINT, "http://127.0.0.1:4318/v1/traces")
                .withProperty("management.tracing.sampling.probability", "0.05");

        tracingSwitch.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.tracing.sampling.probability", Double.class)).isEqualTo(0.05);
    }
}
