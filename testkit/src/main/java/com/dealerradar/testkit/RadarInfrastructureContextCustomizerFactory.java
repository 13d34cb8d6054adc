package com.dealerradar.testkit;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Gives every Spring test class annotated with {@link RadarInfrastructure} the shared infrastructure's properties. */
public class RadarInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        if (!TestContextAnnotationUtils.hasAnnotation(testClass, RadarInfrastructure.class)) {
            return null;
        }
        return new RadarInfrastructureContextCustomizer(Namespace.owner(testClass));
    }
}
