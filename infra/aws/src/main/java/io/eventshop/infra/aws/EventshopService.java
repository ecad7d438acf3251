package io.eventshop.infra.aws;

import java.util.List;
import java.util.Set;

/**
 * One of eventshop's five services, as deployed: the requests the load balancer forwards to it, and how it scales.
 *
 * @param name the service's name, as in {@code spring.application.name} and the topology's {@code consumer}
 * @param paths the public API paths that the load balancer forwards to it
 * @param methods the HTTP methods it forwards on those paths: what a customer does, not what an operator does
 * @param scalesOnCpu whether it also scales on CPU, for a service that takes requests as well as messages
 */
public record EventshopService(String name, List<String> paths, List<String> methods, boolean scalesOnCpu) {

    private static final List<String> READ = List.of("GET", "HEAD");

    /**
     * Every service, with its public API. Customers place and cancel orders and read the rest; restocking and
     * repricing ({@code PUT /products/...}), {@code /ops}, {@code /actuator} and the simulators are not public.
     */
    public static final List<EventshopService> ALL = List.of(
            new EventshopService(
                    "order-service", List.of("/orders", "/orders/*"), List.of("GET", "HEAD", "POST"), true),
            new EventshopService("payment-service", List.of("/payments", "/payments/*"), READ, false),
            new EventshopService("inventory-service", List.of("/products", "/products/*"), READ, false),
            new EventshopService("shipping-service", List.of("/shipments", "/shipments/*"), READ, false),
            new EventshopService("notification-service", List.of("/notifications", "/notifications/*"), READ, false));

    /**
     * The services given the sealing secret: order-service seals the customer's payment token into OrderPlaced, and
     * payment-service opens it. No other service can read the secret.
     */
    static final Set<String> SEALING = Set.of("order-service", "payment-service");

    /** Whether the service is given the sealing secret. */
    public boolean sharesSealingSecret() {
        return SEALING.contains(name);
    }

    /** The service's database and login, such as {@code order_service}. */
    public String database() {
        return name.replace('-', '_');
    }

    /** A name for CloudFormation logical ids, such as {@code OrderService}. */
    String id() {
        return LogicalIds.of("", name);
    }
}
