package io.eventshop.events.order;

import io.eventshop.events.Fields;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/** Every step of the saga succeeded: the order is paid, reserved and scheduled for shipment. */
public record OrderConfirmed(UUID orderId, String customerId, BigDecimal totalAmount, String currency)
        implements OrderEvent {

    public OrderConfirmed {
        Fields.required(orderId, "orderId");
        Fields.notBlank(customerId, "customerId");
        Fields.money(totalAmount, "totalAmount");
        Fields.currency(currency, "currency");
    }

    @Override
    public Optional<BigDecimal> monetaryAmount() {
        return Optional.of(totalAmount);
    }
}
