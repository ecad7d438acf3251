package io.eventshop.inventory.domain;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What happened to the stock of an order. A {@link Reservation} registers {@link StockReserved} and
 * {@link StockReleased}; {@link StockReservationFailed} reports that no reservation was made, so the use case raises it.
 * The messaging adapter turns each one into the shared contract of the same name.
 */
public sealed interface ReservationEvent {

    OrderId orderId();

    /**
     * Every line of the order is held. It carries the order's customer and address, which the reservation does not
     * keep, because shipping schedules the shipment from this event alone.
     */
    record StockReserved(
            OrderId orderId,
            ReservationId reservationId,
            String customerId,
            List<ReservationLine> lines,
            ShippingAddress shippingAddress)
            implements ReservationEvent {

        public StockReserved {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(reservationId, "reservationId");
            lines = List.copyOf(lines);
        }
    }

    /** Nothing is held for the order: it asked for more than is available, or it was cancelled first. */
    record StockReservationFailed(OrderId orderId, String reason, List<Sku> unavailableSkus)
            implements ReservationEvent {

        static final String ORDER_CANCELLED = "order cancelled";
        static final String INSUFFICIENT_STOCK = "insufficient stock";

        public StockReservationFailed {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(reason, "reason");
            unavailableSkus = List.copyOf(unavailableSkus);
        }

        /** The order was cancelled before its payment was authorized: nothing is reserved for it, ever. */
        public static StockReservationFailed orderCancelled(OrderId orderId) {
            return new StockReservationFailed(orderId, ORDER_CANCELLED, List.of());
        }

        /** The skus are unknown or have too little available stock. */
        public static StockReservationFailed insufficientStock(OrderId orderId, List<Sku> unavailableSkus) {
            String skus = unavailableSkus.stream().map(Sku::value).collect(Collectors.joining(", "));
            return new StockReservationFailed(orderId, INSUFFICIENT_STOCK + " of " + skus, unavailableSkus);
        }
    }

    /** The held stock is available again: the order was cancelled, or its shipment failed. */
    record StockReleased(OrderId orderId, ReservationId reservationId, String reason) implements ReservationEvent {

        public StockReleased {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(reservationId, "reservationId");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
