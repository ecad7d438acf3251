package io.eventshop.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives end-to-end tests an {@link Eventshop} client (and the {@link RunningSystem} for tests that stop and start
 * services). The system starts with the first test that asks for it and stops after the last test of the run.
 */
final class EventshopExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EventshopExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Eventshop.class || type == RunningSystem.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunningSystem system = context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(RunningSystem.class, key -> new RunningSystem(), RunningSystem.class);
        return parameter.getParameter().getType() == Eventshop.class ? system.client() : system;
    }
}
