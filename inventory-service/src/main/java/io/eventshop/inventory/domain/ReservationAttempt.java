package io.eventshop.inventory.domain;

import java.util.List;

/** The outcome of reserving an order's lines: all of them are held, or none is. */
public sealed interface ReservationAttempt {

    /** Every line is held by {@code reservation}. */
    record Reserved(Reservation reservation) implements ReservationAttempt {}

    /** Nothing is held: these skus are unknown or have too little available stock. */
    record Rejected(List<Sku> unavailableSkus) implements ReservationAttempt {

        public Rejected {
            unavailableSkus = List.copyOf(unavailableSkus);
        }
    }
}
