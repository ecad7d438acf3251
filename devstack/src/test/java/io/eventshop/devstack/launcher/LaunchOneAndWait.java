package io.eventshop.devstack.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * A launcher, for {@link WatchdogIntegrationTests}, that a test can kill: it starts one stand-in service from the jar
 * given, prints the service's process id, and waits for ever.
 */
public final class LaunchOneAndWait {

    private LaunchOneAndWait() {}

    /** @param args the stand-in's jar and its port */
    public static void main(String[] args) throws InterruptedException {
        var spec = new ServiceSpec("stand-in", Integer.parseInt(args[1]));
        Map<String, String> environment = Map.of(
                "SPRING_DATASOURCE_URL",
                "jdbc:postgresql://localhost:1/none",
                "AWS_ENDPOINT_URL",
                "http://localhost:1");
        ServiceProcess service =
                ServiceProcess.start(spec, Path.of(args[0]), ServiceJvm.DEVSTACK, environment, System.out::println);
        service.awaitReady(LocalSystem.READY_TIMEOUT);
        System.out.println("service pid " + service.pid());
        Thread.currentThread().join();
    }
}
