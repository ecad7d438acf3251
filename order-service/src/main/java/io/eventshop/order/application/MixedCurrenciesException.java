package io.eventshop.order.application;

import java.util.Set;

/** The products of one order are priced in different currencies, which one payment cannot cover. */
public class MixedCurrenciesException extends RuntimeException {

    public MixedCurrenciesException(Set<String> currencies) {
        super("the items are priced in more than one currency: " + String.join(", ", currencies));
    }
}
