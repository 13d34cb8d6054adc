package com.dealerradar.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Points one test class's application context at the shared store and broker, inside the class's namespace.
 * <p>
 * Being a record, it is equal only for the same namespace owner: Spring's context cache keys on the
 * customizers, so classes with different namespaces never share a context.
 */
record RadarInfrastructureContextCustomizer(Class<?> namespaceOwner) implements ContextCustomizer {

    static final String PROPERTY_SOURCE_NAME = "radarInfrastructure";

    // A test's own properties (inline, @TestPropertySource, @DynamicPropertySource) must still win.
    private static final List<String> TEST_PROPERTY_SOURCES =
            List.of(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, "Dynamic Test Properties");

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        Endpoints infrastructure = Endpoints.of(namespaceOwner);
        Namespace namespace = Namespace.of(namespaceOwner);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.mongodb.uri", infrastructure.mongoUri());
        properties.put("spring.mongodb.database", namespace.database());
        properties.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
        properties.put("radar.kafka.topic-prefix", namespace.topicPrefix());
        properties.put("radar.security.internal-token-secret", SharedInfrastructure.INTERNAL_TOKEN_SECRET);
        properties.put("radar.privacy.phone-hash-key", SharedInfrastructure.PHONE_HASH_KEY);
        addBelowTestProperties(context.getEnvironment().getPropertySources(),
                new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
    }

    private static void addBelowTestProperties(MutablePropertySources sources, PropertySource<?> source) {
        String lowestTestSource = null;
        for (PropertySource<?> existing : sources) {
            if (TEST_PROPERTY_SOURCES.contains(existing.getName())) {
                lowestTestSource = existing.getName();
            }
        }
        if (lowestTestSource == null) {
            sources.addFirst(source);
        } else {
            sources.addAfter(lowestTestSource, source);
        }
    }
}
