package io.eventshop.devstack.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One of eventshop's services: its name (which is also its database's and its queue consumer's), its HTTP port, and
 * the executable jar that Maven builds for it.
 */
public record ServiceSpec(String name, int port) {

    /** The five services, in the order they start; the ports are those of the README. */
    public static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("order-service", 8081),
            new ServiceSpec("payment-service", 8082),
            new ServiceSpec("inventory-service", 8083),
            new ServiceSpec("shipping-service", 8084),
            new ServiceSpec("notification-service", 8085));

    /** The service's database, such as {@code order_service}. */
    public String database() {
        return name.replace('-', '_');
    }

    /** The service's jar under {@code projectDir}, as {@code ./mvnw package} leaves it. */
    public Path jar(Path projectDir) {
        Path target = projectDir.resolve(name).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches(name + "-[\\d.]+(-SNAPSHOT)?\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no jar for " + name + " in " + target + ": build it with ./mvnw package -DskipTests"));
        } catch (IOException e) {
            throw new UncheckedIOException("no " + target + ": build the services with ./mvnw package -DskipTests", e);
        }
    }
}
