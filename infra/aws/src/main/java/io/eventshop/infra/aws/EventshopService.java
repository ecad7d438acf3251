package io.eventshop.infra.aws;

import java.util.List;

/**
 * One of eventshop's five services, as deployed: the paths the load balancer routes to it, and how it scales.
 *
 * @param name the service's name, as in {@code spring.application.name} and the topology's {@code consumer}
 * @param paths the public API paths that the load balancer forwards to it
 * @param scalesOnCpu whether it also scales on CPU, for a service that takes requests as well as messages
 */
public record EventshopService(String name, List<String> paths, boolean scalesOnCpu) {

    /** Every service, with its public API. Nothing under {@code /ops}, {@code /actuator} or a simulator is public. */
    public static final List<EventshopService> ALL = List.of(
            new EventshopService("order-service", List.of("/orders", "/orders/*"), true),
            new EventshopService("payment-service", List.of("/payments", "/payments/*"), false),
            new EventshopService("inventory-service", List.of("/products", "/products/*"), false),
            new EventshopService("shipping-service", List.of("/shipments", "/shipments/*"), false),
            new EventshopService("notification-service", List.of("/notifications", "/notifications/*"), false));

    /** The service's database and login, such as {@code order_service}. */
    public String database() {
        return name.replace('-', '_');
    }

    /** A name for CloudFormation logical ids, such as {@code OrderService}. */
    String id() {
        return LogicalIds.of("", name);
    }
}
