package io.eventshop.shipping.shipment.application;

import io.eventshop.events.EventEnvelope;
import io.eventshop.events.inventory.StockReserved;
import io.eventshop.events.order.OrderCancellationRequested;
import io.eventshop.events.order.ShippingAddress;
import io.eventshop.events.shipping.ShipmentFailed;
import io.eventshop.events.shipping.ShipmentScheduled;
import io.eventshop.events.shipping.ShippingEvent;
import io.eventshop.messaging.outbox.Outbox;
import io.eventshop.shipping.shipment.domain.Carrier;
import io.eventshop.shipping.shipment.domain.Destination;
import io.eventshop.shipping.shipment.domain.Parcel;
import io.eventshop.shipping.shipment.domain.Shipment;
import io.eventshop.shipping.shipment.domain.Shipments;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * shipping-service's part of the order saga, one method per event (docs/saga.md). Each runs in the transaction of the
 * inbox, so the shipment and the event that reports it commit together, once per event.
 */
@Service
@Transactional
public class ShipmentScheduling {

    static final String ORDER_CANCELLED = "order cancelled";

    private final Shipments shipments;
    private final ShipmentTombstones tombstones;
    private final Carrier carrier;
    private final Outbox outbox;

    ShipmentScheduling(Shipments shipments, ShipmentTombstones tombstones, Carrier carrier, Outbox outbox) {
        this.shipments = shipments;
        this.tombstones = tombstones;
        this.carrier = carrier;
        this.outbox = outbox;
    }

    /**
     * StockReserved: book the shipment with the carrier. An order cancelled before fails without a booking, and an
     * order with a shipment already is not booked again.
     *
     * <p>The carrier is called inside the transaction: if the commit fails, the message is retried and the booking,
     * keyed by the orderId, is answered from the carrier's first one.
     *
     * @throws io.eventshop.shipping.shipment.domain.CarrierUnavailableException if the carrier cannot be reached, so
     *     the message is retried and then dead-lettered
     */
    public void schedule(StockReserved event, EventEnvelope cause) {
        if (shipments.lockByOrder(event.orderId()).isPresent()) {
            return;
        }
        Shipment shipment = tombstones.exists(event.orderId())
                ? Shipment.failed(event.orderId(), event.customerId(), ORDER_CANCELLED)
                : Shipment.booked(
                        event.orderId(),
                        event.customerId(),
                        carrier.schedule(event.orderId(), destination(event.shippingAddress()), parcels(event)));
        shipments.add(shipment);
        outbox.addCausedBy(cause, reported(shipment));
    }

    /**
     * OrderCancellationRequested: cancel a scheduled shipment, so that inventory releases and payment refunds. With no
     * shipment yet, leave a tombstone; a failed or cancelled shipment needs nothing more.
     */
    public void cancel(OrderCancellationRequested event, EventEnvelope cause) {
        var found = shipments.lockByOrder(event.orderId());
        if (found.isEmpty()) {
            tombstones.addIfAbsent(event.orderId(), event.reason());
            return;
        }
        Shipment shipment = found.get();
        if (!shipment.isScheduled()) {
            return;
        }
        shipment.cancel(ORDER_CANCELLED);
        shipments.save(shipment);
        outbox.addCausedBy(cause, reported(shipment));
    }

    private static ShippingEvent reported(Shipment shipment) {
        if (shipment.isScheduled()) {
            return new ShipmentScheduled(
                    shipment.orderId(),
                    shipment.id().value(),
                    shipment.customerId(),
                    shipment.carrier(),
                    shipment.trackingNumber());
        }
        return new ShipmentFailed(
                shipment.orderId(), shipment.id().value(), shipment.customerId(), shipment.failureReason());
    }

    private static Destination destination(ShippingAddress address) {
        return new Destination(
                address.name(), address.street(), address.city(), address.postalCode(), address.country());
    }

    private static List<Parcel> parcels(StockReserved event) {
        return event.lines().stream()
                .map(line -> new Parcel(line.sku(), line.quantity()))
                .toList();
    }
}
