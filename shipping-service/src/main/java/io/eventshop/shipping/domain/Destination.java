package io.eventshop.shipping.domain;

import java.util.Objects;

/** Where a shipment goes; {@code country} is an ISO 3166 alpha-2 code. */
public record Destination(String name, String street, String city, String postalCode, String country) {

    public Destination {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(street, "street");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(postalCode, "postalCode");
        if (country == null || !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("country must be an ISO 3166 alpha-2 code, was " + country);
        }
    }
}
