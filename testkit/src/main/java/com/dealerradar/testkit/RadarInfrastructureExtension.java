package com.dealerradar.testkit;

import java.util.Set;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the shared infrastructure before a test class and injects it, its parts and the class's
 * {@link Namespace} into test constructors, lifecycle methods and test methods.
 */
public class RadarInfrastructureExtension implements BeforeAllCallback, ParameterResolver {

    private static final Set<Class<?>> RESOLVABLE =
            Set.of(SharedInfrastructure.class, EmbeddedKafka.class, EmbeddedMongo.class, Namespace.class);

    public static Namespace namespaceFor(Class<?> testClass) {
        return Namespace.of(testClass);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        SharedInfrastructure.get();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return RESOLVABLE.contains(parameterContext.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        if (type == EmbeddedKafka.class) {
            return infrastructure.kafka();
        }
        if (type == EmbeddedMongo.class) {
            return infrastructure.mongo();
        }
        if (type == Namespace.class) {
            return namespaceFor(extensionContext.getRequiredTestClass());
        }
        return infrastructure;
    }
}
