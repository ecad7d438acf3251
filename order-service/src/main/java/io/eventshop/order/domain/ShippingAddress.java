package io.eventshop.order.domain;

import jakarta.persistence.Embeddable;
import java.util.regex.Pattern;

/** Where the order is shipped; {@code country} is an ISO 3166 alpha-2 code such as {@code DE}. */
@Embeddable
public record ShippingAddress(String name, String street, String city, String postalCode, String country) {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    public ShippingAddress {
        requireText(name, "name");
        requireText(street, "street");
        requireText(city, "city");
        requireText(postalCode, "postalCode");
        if (country == null || !COUNTRY.matcher(country).matches()) {
            throw new IllegalArgumentException("country must be two upper-case letters, was " + country);
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
