package io.eventshop.devstack.launcher;

import java.util.List;

/** The options a service's JVM runs with. */
public enum ServiceJvm {

    /**
     * As {@code ./devstack.sh up} runs the services: the client compiler only, so that five of them start together on
     * two cores about a quarter sooner, at the cost of slower code once they run (docs/benchmarks.md).
     */
    DEVSTACK(List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")),

    /**
     * As the container image runs them in production ({@code infra/docker/Dockerfile}): the optimising compiler, and
     * the serial collector. The heap is capped as in {@link #DEVSTACK}, where the image sizes it from the container's
     * memory.
     */
    PRODUCTION(List.of("-Xmx384m", "-XX:+UseSerialGC"));

    private final List<String> options;

    ServiceJvm(List<String> options) {
        this.options = options;
    }

    public List<String> options() {
        return options;
    }
}
