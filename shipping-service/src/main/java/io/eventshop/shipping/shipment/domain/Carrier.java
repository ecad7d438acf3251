package io.eventshop.shipping.shipment.domain;

import java.util.List;
import java.util.UUID;

/** The port to a carrier that takes shipments. */
public interface Carrier {

    /**
     * Books the shipment of {@code parcels} to {@code destination}.
     *
     * @param orderId the idempotency key: booking the same order again returns the first booking
     * @return the booking, or the carrier's refusal when it cannot deliver there
     * @throws CarrierUnavailableException if the carrier could not be reached; the booking may be retried
     */
    CarrierBooking schedule(UUID orderId, Destination destination, List<Parcel> parcels);
}
