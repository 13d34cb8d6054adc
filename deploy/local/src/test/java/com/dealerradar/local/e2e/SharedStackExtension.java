package com.dealerradar.local.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Keeps the run's {@link LocalStack} in the root context's store: started on first use, traced (see
 * {@link TracingIT}), and closed by JUnit when the root context closes at the end of the run, since the
 * stack is {@link AutoCloseable}.
 */
final class SharedStackExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStackExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == LocalStack.class;
    }

    @Override
    public LocalStack resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return extensionContext.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(LocalStack.class, type -> LocalStack.startTraced(), LocalStack.class);
    }
}
