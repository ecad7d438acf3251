package io.eventshop.shipping.application;

import java.util.Objects;

/** The carrier's answer to a booking: it took the shipment, or it cannot deliver it. */
public sealed interface CarrierBooking {

    /** The carrier took the shipment and tracks it under {@code trackingNumber}. */
    record Booked(String carrier, String trackingNumber) implements CarrierBooking {

        public Booked {
            Objects.requireNonNull(carrier, "carrier");
            Objects.requireNonNull(trackingNumber, "trackingNumber");
        }
    }

    /** The carrier cannot deliver the shipment, for {@code reason}; asking again changes nothing. */
    record Undeliverable(String carrier, String reason) implements CarrierBooking {

        public Undeliverable {
            Objects.requireNonNull(carrier, "carrier");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
