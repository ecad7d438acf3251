package io.eventshop.shipping.integration;

import io.eventshop.shipping.application.Carrier;
import io.eventshop.shipping.application.CarrierBooking;
import io.eventshop.shipping.application.CarrierUnavailableException;
import io.eventshop.shipping.domain.Destination;
import io.eventshop.shipping.domain.OrderId;
import io.eventshop.shipping.domain.Parcel;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A carrier in process, in the manner of a real carrier's test mode: it takes its configured latency, refuses the
 * configured countries, and answers a repeated booking of an order with the first one (the orderId is its idempotency
 * key), so a retry never books twice.
 */
class SimulatedCarrier implements Carrier {

    private final CarrierProperties properties;
    private final Map<OrderId, CarrierBooking> bookings = new ConcurrentHashMap<>();

    SimulatedCarrier(CarrierProperties properties) {
        this.properties = properties;
    }

    @Override
    public CarrierBooking schedule(OrderId orderId, Destination destination, List<Parcel> parcels) {
        takeTheLatency();
        return bookings.computeIfAbsent(orderId, id -> book(destination));
    }

    private CarrierBooking book(Destination destination) {
        if (properties.undeliverableCountries().contains(destination.country())) {
            return new CarrierBooking.Undeliverable(
                    properties.name(), properties.name() + " cannot deliver to " + destination.country());
        }
        String trackingNumber =
                "SIM-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return new CarrierBooking.Booked(properties.name(), trackingNumber);
    }

    private void takeTheLatency() {
        try {
            Thread.sleep(properties.latency());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CarrierUnavailableException("the booking was interrupted", e);
        }
    }
}
