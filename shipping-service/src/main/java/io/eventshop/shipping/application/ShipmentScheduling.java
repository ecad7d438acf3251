package io.eventshop.shipping.application;

import io.eventshop.messaging.tombstone.Tombstones;
import io.eventshop.shipping.domain.Destination;
import io.eventshop.shipping.domain.OrderId;
import io.eventshop.shipping.domain.Parcel;
import io.eventshop.shipping.domain.Shipment;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * shipping-service's part of the order saga, one method per event (docs/saga.md). Each runs in the transaction of the
 * inbox, so the shipment and the event that reports it commit together, once per event: the shipment registers its
 * event, this publishes it, and the messaging adapter adds it to the outbox.
 */
@Service
@Transactional
public class ShipmentScheduling {

    static final String ORDER_CANCELLED = "order cancelled";

    private final Shipments shipments;
    private final Tombstones tombstones;
    private final Carrier carrier;
    private final ApplicationEventPublisher events;

    ShipmentScheduling(Shipments shipments, Tombstones tombstones, Carrier carrier, ApplicationEventPublisher events) {
        this.shipments = shipments;
        this.tombstones = tombstones;
        this.carrier = carrier;
        this.events = events;
    }

    /**
     * StockReserved: book the shipment with the carrier. An order cancelled before fails without a booking, and an
     * order with a shipment already is not booked again.
     *
     * <p>The carrier is called inside the transaction, because the booking and the shipment that records it must
     * commit with the inbox row of this message: if the commit fails, the message is retried and the booking, keyed by
     * the orderId, is answered from the carrier's first one. No row of {@code shipment} is locked meanwhile (there is
     * none yet), so the call holds up no other order.
     *
     * @throws CarrierUnavailableException if the carrier cannot be reached, so the message is retried and then
     *     dead-lettered
     */
    public void schedule(OrderId orderId, String customerId, Destination destination, List<Parcel> parcels) {
        if (!shipments.findByOrder(orderId).isEmpty()) {
            return;
        }
        Shipment shipment = tombstones.isBuried(orderId.value())
                ? Shipment.failed(orderId, customerId, ORDER_CANCELLED)
                : booked(orderId, customerId, carrier.schedule(orderId, destination, parcels));
        shipments.add(shipment);
        shipment.releaseEvents().forEach(events::publishEvent);
    }

    /**
     * OrderCancellationRequested: cancel a scheduled shipment, so that inventory releases and payment refunds. With no
     * shipment yet, bury the order; a failed or cancelled shipment needs nothing more.
     */
    public void cancel(OrderId orderId, String reason) {
        Optional<Shipment> found = shipments.findByOrder(orderId).stream().findFirst();
        if (found.isEmpty()) {
            tombstones.bury(orderId.value(), reason);
            return;
        }
        Shipment shipment = found.get();
        if (!shipment.isScheduled()) {
            return;
        }
        shipment.cancel(ORDER_CANCELLED);
        shipments.save(shipment);
        shipment.releaseEvents().forEach(events::publishEvent);
    }

    private static Shipment booked(OrderId orderId, String customerId, CarrierBooking booking) {
        return switch (booking) {
            case CarrierBooking.Booked(String carrier, String trackingNumber) ->
                Shipment.scheduled(orderId, customerId, carrier, trackingNumber);
            case CarrierBooking.Undeliverable(String carrier, String reason) ->
                Shipment.undeliverable(orderId, customerId, carrier, reason);
        };
    }
}
