package com.dealerradar.testkit;

import org.springframework.core.annotation.AnnotatedElementUtils;

/** Where a test's store and broker answer, whichever {@link Backend} provides them. */
public interface Endpoints {

    String mongoUri();

    String kafkaBootstrapServers();

    /** The endpoints of the backend that {@code testClass}'s {@link RadarInfrastructure} asks for, started on first use. */
    static Endpoints of(Class<?> testClass) {
        return switch (backendOf(testClass)) {
            case EMBEDDED -> SharedInfrastructure.get();
            case CONTAINERS -> ContainerInfrastructure.get();
        };
    }

    static Backend backendOf(Class<?> testClass) {
        RadarInfrastructure annotation = AnnotatedElementUtils.findMergedAnnotation(testClass, RadarInfrastructure.class);
        return annotation == null ? Backend.EMBEDDED : annotation.backend();
    }
}
