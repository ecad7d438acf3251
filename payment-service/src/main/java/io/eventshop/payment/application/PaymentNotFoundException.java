package io.eventshop.payment.application;

import io.eventshop.messaging.problem.NotFoundException;
import io.eventshop.payment.domain.PaymentId;

/**
 * No payment has this id. The shared {@code ApiProblems} answers it with the 404 of every service: {@code {"title":
 * "Not Found", "detail": "No payment <id>", "resource": "payment", "id": "<id>"}}.
 */
public class PaymentNotFoundException extends NotFoundException {

    public PaymentNotFoundException(PaymentId id) {
        super("payment", id);
    }
}
