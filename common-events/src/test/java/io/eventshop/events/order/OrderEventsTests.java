package io.eventshop.events.order;

import static io.eventshop.events.Events.CUSTOMER_ID;
import static io.eventshop.events.Events.ORDER_ID;
import static io.eventshop.events.Events.orderLine;
import static io.eventshop.events.Events.shippingAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventshop.events.Events;
import io.eventshop.events.InvalidFieldException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderEventsTests {

    @Test
    void anOrderNeedsAtLeastOneLine() {
        assertThatThrownBy(() -> orderPlacedWith(List.of(), "0.00", "EUR"))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("lines must not be empty");
    }

    @Test
    void anOrderLineNeedsAPositiveQuantity() {
        assertThatThrownBy(() -> orderLine("SKU-1", 0, "1.00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quantity must be positive, was 0");
    }

    @Test
    void anOrderLineCannotHaveANegativeUnitPrice() {
        assertThatThrownBy(() -> orderLine("SKU-1", 1, "-0.01"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unitPrice must not be negative, was -0.01");
    }

    @Test
    void theTotalMustEqualTheSumOfTheLines() {
        assertThatThrownBy(() -> orderPlacedWith(List.of(orderLine("SKU-1", 2, "19.99")), "39.99", "EUR"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("totalAmount must equal the sum of the lines, 39.98, was 39.99");
    }

    @Test
    void theCurrencyMustBeAnIsoCodeInUpperCase() {
        assertThatThrownBy(() -> orderPlacedWith(List.of(orderLine("SKU-1", 2, "19.99")), "39.98", "eur"))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("currency must be an ISO 4217 code");
    }

    @Test
    void theLinesAreCopiedSoTheEventCannotChangeAfterwards() {
        var lines = new ArrayList<>(List.of(orderLine("SKU-1", 2, "19.99")));
        var placed = orderPlacedWith(lines, "39.98", "EUR");

        lines.add(orderLine("SKU-2", 1, "1.00"));

        assertThat(placed.lines()).hasSize(1);
        assertThatThrownBy(() -> placed.lines().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aShippingAddressNeedsATwoLetterCountryCode() {
        assertThatThrownBy(() -> new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", "Germany"))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("country must be an ISO 3166 code");
    }

    @Test
    void aCancellationNeedsAReason() {
        assertThatThrownBy(() -> new OrderCancelled(ORDER_ID, CUSTOMER_ID, null))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("reason is required");
    }

    @Test
    void aConfirmationNamesTheOrder() {
        assertThatThrownBy(() -> new OrderConfirmed(null, CUSTOMER_ID, new BigDecimal("1.00"), "EUR"))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("orderId is required");
    }

    @Test
    void theSampleOrderIsValid() {
        assertThat(Events.orderPlaced().totalAmount()).isEqualByComparingTo("45.48");
    }

    private static OrderPlaced orderPlacedWith(List<OrderLine> lines, String total, String currency) {
        return new OrderPlaced(
                ORDER_ID, CUSTOMER_ID, lines, new BigDecimal(total), currency, "tok_visa", shippingAddress());
    }
}
