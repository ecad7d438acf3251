package io.eventshop.payment.web;

import io.eventshop.payment.application.PaymentNotFoundException;
import io.eventshop.payment.application.Payments;
import io.eventshop.payment.domain.OrderId;
import io.eventshop.payment.domain.PaymentId;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reads payments: they change only in reaction to events, so the API has no writes. */
@RestController
@RequestMapping("/payments")
class PaymentController {

    private final Payments payments;

    PaymentController(Payments payments) {
        this.payments = payments;
    }

    /** One payment; an unknown id is the shared 404 Problem Details, naming it. */
    @GetMapping("/{id}")
    PaymentResponse payment(@PathVariable UUID id) {
        PaymentId paymentId = new PaymentId(id);
        return payments.findById(paymentId)
                .map(PaymentResponse::of)
                .orElseThrow(() -> new PaymentNotFoundException(paymentId));
    }

    /** The payments of an order: none yet, or one. */
    @GetMapping
    List<PaymentResponse> paymentsOfOrder(@RequestParam UUID orderId) {
        return payments.findByOrderId(new OrderId(orderId)).map(PaymentResponse::of).stream()
                .toList();
    }
}
