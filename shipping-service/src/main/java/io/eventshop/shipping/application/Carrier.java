package io.eventshop.shipping.application;

import io.eventshop.shipping.domain.Destination;
import io.eventshop.shipping.domain.OrderId;
import io.eventshop.shipping.domain.Parcel;
import java.util.List;

/** The port to a carrier that takes shipments; its adapters are in the integration package. */
public interface Carrier {

    /**
     * Books the shipment of {@code parcels} to {@code destination}.
     *
     * @param orderId the idempotency key: booking the same order again returns the first booking
     * @return the booking, or the carrier's refusal when it cannot deliver there
     * @throws CarrierUnavailableException if the carrier could not be reached; the booking may be retried
     */
    CarrierBooking schedule(OrderId orderId, Destination destination, List<Parcel> parcels);
}
