package com.dealerradar.testkit;

import java.util.Set;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the shared infrastructure before a test class and injects it, its parts and the class's
 * {@link Namespace} into test constructors, lifecycle methods and test methods.
 */
public class RadarInfrastructureExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

    private static final Set<Class<?>> RESOLVABLE =
            Set.of(SharedInfrastructure.class, EmbeddedKafka.class, EmbeddedMongo.class, Namespace.class);

    public static Namespace namespaceFor(Class<?> testClass) {
        return Namespace.of(testClass);
    }

    /** A class on real images runs only where a container engine answers; elsewhere it is skipped, not failed. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestClass().map(Endpoints::backendOf).orElse(Backend.EMBEDDED) != Backend.CONTAINERS) {
            return ConditionEvaluationResult.enabled("embedded infrastructure runs everywhere");
        }
        return ContainerInfrastructure.engineAvailable()
                ? ConditionEvaluationResult.enabled("a container engine is available")
                : ConditionEvaluationResult.disabled("no container engine: the real-image variant is skipped");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Endpoints.of(context.getRequiredTestClass());
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
