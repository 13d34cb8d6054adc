package com.dealerradar.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against the JVM's shared embedded store and broker, in a {@link Namespace} of its own.
 * In a Spring test it also points {@code spring.mongodb.*}, {@code spring.kafka.bootstrap-servers},
 * {@code radar.kafka.topic-prefix} and {@code radar.security.internal-token-secret} at them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RadarInfrastructureExtension.class)
public @interface RadarInfrastructure {

    /** Embedded by default; {@link Backend#CONTAINERS} for the variants on real images. */
    Backend backend() default Backend.EMBEDDED;
}
