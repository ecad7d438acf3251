package io.eventshop.order.messaging;

import static io.eventshop.order.domain.Orders.anOrder;
import static io.eventshop.order.domain.Orders.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.events.order.OrderCancellationRequested;
import io.eventshop.events.order.OrderCancelled;
import io.eventshop.events.order.OrderConfirmed;
import io.eventshop.events.order.OrderLine;
import io.eventshop.events.order.OrderPlaced;
import io.eventshop.events.order.ShippingAddress;
import io.eventshop.messaging.sealing.Sealer;
import io.eventshop.messaging.testing.TestSealing;
import io.eventshop.order.domain.Order;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Each domain event of the order becomes its contract, in the events' own types. */
class OrderEventMapperTests {

    /** The mapping alone: nothing here goes to the outbox. */
    private final OrderEventMapper mapper = new OrderEventMapper(null, new Sealer(TestSealing.SECRET));

    @Test
    void orderPlacedCarriesEverythingTheSagaNeeds() {
        Order order = anOrder()
                .withItem("SKU-1", 2, "19.99")
                .withItem("SKU-2", 1, "5.00")
                .build();

        OrderPlaced placed =
                (OrderPlaced) mapper.contractOf(order.releaseEvents().getFirst());

        assertThat(placed.orderId()).isEqualTo(order.id().value());
        assertThat(placed.customerId()).isEqualTo("c-42");
        assertThat(placed.totalAmount()).isEqualByComparingTo("44.98");
        assertThat(placed.currency()).isEqualTo("EUR");
        assertThat(placed.sealedPaymentToken()).doesNotContain("tok_visa");
        assertThat(TestSealing.open(placed.sealedPaymentToken(), order.id().value()))
                .isEqualTo("tok_visa");
        assertThat(placed.lines())
                .containsExactly(
                        new OrderLine("SKU-1", 2, new BigDecimal("19.99")),
                        new OrderLine("SKU-2", 1, new BigDecimal("5.00")));
        assertThat(placed.shippingAddress())
                .isEqualTo(new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", "DE"));
    }

    @Test
    void orderConfirmedCarriesTheTotal() {
        Order order = anOrder().withItem("SKU-1", 2, "19.99").reserved();
        order.shipmentScheduled(at(3));

        assertThat(mapper.contractOf(order.releaseEvents().getFirst()))
                .isEqualTo(new OrderConfirmed(order.id().value(), "c-42", new BigDecimal("39.98"), "EUR"));
    }

    @Test
    void aCancellationRequestedAndACancellationCarryTheirReason() {
        Order order = anOrder().placed();
        order.requestCancellation("changed my mind", at(1));
        order.paymentDeclined("order cancelled", at(2));

        assertThat(order.releaseEvents())
                .map(mapper::contractOf)
                .containsExactly(
                        new OrderCancellationRequested(order.id().value(), "c-42", "changed my mind"),
                        new OrderCancelled(order.id().value(), "c-42", "changed my mind"));
    }
}
