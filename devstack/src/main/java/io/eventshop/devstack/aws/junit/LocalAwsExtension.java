package io.eventshop.devstack.aws.junit;

import io.eventshop.devstack.aws.LocalAwsEndpoint;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the local AWS endpoint in the test JVM, on a random port, once for all test classes that use it, and
 * injects it into test constructors and methods that ask for a {@link LocalAwsEndpoint}.
 *
 * <p>The endpoint stops last. The test run holds one lease on it until every test has run; a Spring context that
 * talks to it takes a lease of its own with {@link #lease()} and gives it back when it closes, which for cached test
 * contexts happens in the JVM's shutdown hooks. The endpoint stops when the last lease is given back, so no listener
 * ever polls an endpoint that has gone.
 */
public final class LocalAwsExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LocalAwsExtension.class);

    /** The shared endpoint, started on first use. Prefer a parameter; this is for static factories. */
    public static LocalAwsEndpoint endpoint() {
        return SharedEndpoint.current();
    }

    /** Keeps the shared endpoint running until the returned lease is closed. */
    public static AutoCloseable lease() {
        return SharedEndpoint.acquire();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(SharedEndpoint.Lease.class, key -> SharedEndpoint.acquire());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalAwsEndpoint.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        beforeAll(context);
        return SharedEndpoint.current();
    }
}
