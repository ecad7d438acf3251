package io.eventshop.devstack.aws.junit;

import io.eventshop.devstack.aws.LocalAwsEndpoint;
import java.util.concurrent.atomic.AtomicBoolean;

/** The one endpoint of a test JVM, counted by leases: it starts with the first and stops with the last. */
final class SharedEndpoint {

    private static LocalAwsEndpoint endpoint;
    private static int leases;

    /** A claim on the endpoint. Closing it twice gives it back once. */
    static final class Lease implements AutoCloseable {

        private final AtomicBoolean open = new AtomicBoolean(true);

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                release();
            }
        }
    }

    private SharedEndpoint() {}

    static synchronized Lease acquire() {
        if (endpoint == null) {
            endpoint = LocalAwsEndpoint.start(0);
        }
        leases++;
        return new Lease();
    }

    static synchronized LocalAwsEndpoint current() {
        if (endpoint == null) {
            throw new IllegalStateException(
                    "the local AWS endpoint is not running: add @ExtendWith(LocalAwsExtension.class) to the test class");
        }
        return endpoint;
    }

    private static synchronized void release() {
        leases--;
        if (leases == 0) {
            endpoint.close();
            endpoint = null;
        }
    }
}
