package io.eventshop.order.application;

import io.eventshop.messaging.problem.NotFoundException;
import io.eventshop.order.domain.OrderId;

/**
 * No order has this id. The shared {@code ApiProblems} answers it with the 404 of every service: {@code {"title": "Not
 * Found", "detail": "No order <id>", "resource": "order", "id": "<id>"}}.
 */
public class OrderNotFoundException extends NotFoundException {

    public OrderNotFoundException(OrderId id) {
        super("order", id);
    }
}
