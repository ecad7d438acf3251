package io.eventshop.devstack.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@code devstack up} on the ports given rather than the README's, for {@link UpIntegrationTests}, so that it runs
 * beside a devstack someone already has up.
 */
public final class UpOnFreePorts {

    private UpOnFreePorts() {}

    /** @param args the checkout, the AWS endpoint's port, PostgreSQL's port, then one port per service */
    public static void main(String[] args) throws InterruptedException {
        List<ServiceSpec> services = IntStream.range(0, ServiceSpec.ALL.size())
                .mapToObj(i -> new ServiceSpec(ServiceSpec.ALL.get(i).name(), Integer.parseInt(args[3 + i])))
                .toList();
        new Up(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), services).run();
    }
}
