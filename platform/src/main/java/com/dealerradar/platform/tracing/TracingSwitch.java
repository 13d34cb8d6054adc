package com.dealerradar.platform.tracing;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Tracing is off unless {@value #ENDPOINT} ({@code RADAR_TRACING_OTLP_ENDPOINT}) names an OTLP/HTTP
 * receiver.
 * <ul>
 * <li>Off: nothing is sampled, exported or propagated, and logs keep their pattern without trace ids.</li>
 * <li>On: spans go to the endpoint, every trace is sampled, Kafka sends and listeners are observed (so
 *     the {@code traceparent} header is written and read), and Reactor restores the trace context in
 *     every operator, so that work inside a reactive chain (an outbox write) sees the request's span.</li>
 * </ul>
 * These are defaults only: any of Boot's {@code management.tracing.*} properties set elsewhere (for
 * example {@code MANAGEMENT_TRACING_SAMPLING_PROBABILITY}) wins.
 */
public class TracingSwitch implements EnvironmentPostProcessor, Ordered {

    public static final String ENDPOINT = "radar.tracing.otlp-endpoint";
    private static final String SOURCE = "radarTracingSwitch";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String endpoint = environment.getProperty(ENDPOINT, "").strip();
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults(endpoint)));
    }

    private static Map<String, Object> defaults(String endpoint) {
        if (endpoint.isEmpty()) {
            return Map.of(
                    "management.tracing.export.enabled", false,
                    "management.tracing.sampling.probability", 0.0);
        }
        return Map.of(
                "management.opentelemetry.tracing.export.otlp.endpoint", endpoint,
                "management.tracing.sampling.probability", 1.0,
                "spring.kafka.template.observation-enabled", true,
                "spring.kafka.listener.observation-enabled", true,
                "spring.reactor.context-propagation", "auto");
    }

    /** After the application's own configuration is loaded, so that the endpoint may be set there too. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
