package io.eventshop.events.order;

import io.eventshop.events.Fields;
import io.eventshop.events.InvalidFieldException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A customer placed an order. It starts the saga and carries everything the later steps need (the payment token for
 * payment, the lines for inventory, the address for shipping), so that no service has to call another.
 *
 * <p>The payment token is sealed: {@code sealedPaymentToken} is the customer's token encrypted under a secret that only
 * order-service and payment-service hold, bound to this order's id. The bus archives this event and every consumer of
 * OrderPlaced receives it, so the token itself never travels in it.
 */
public record OrderPlaced(
        UUID orderId,
        String customerId,
        List<OrderLine> lines,
        BigDecimal totalAmount,
        String currency,
        String sealedPaymentToken,
        ShippingAddress shippingAddress)
        implements OrderEvent {

    public OrderPlaced {
        Fields.required(orderId, "orderId");
        Fields.notBlank(customerId, "customerId");
        lines = Fields.nonEmptyList(lines, "lines");
        Fields.money(totalAmount, "totalAmount");
        Fields.currency(currency, "currency");
        Fields.notBlank(sealedPaymentToken, "sealedPaymentToken");
        Fields.required(shippingAddress, "shippingAddress");
        var sumOfLines = lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (totalAmount.compareTo(sumOfLines) != 0) {
            throw InvalidFieldException.invalid(
                    "totalAmount",
                    "must equal the sum of the lines, " + sumOfLines.toPlainString() + ", was "
                            + totalAmount.toPlainString());
        }
    }

    @Override
    public Optional<BigDecimal> monetaryAmount() {
        return Optional.of(totalAmount);
    }
}
