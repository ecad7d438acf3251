package io.eventshop.events.order;

import io.eventshop.events.Fields;

/** Where an order is to be shipped; {@code country} is an ISO 3166 alpha-2 code. */
public record ShippingAddress(String name, String street, String city, String postalCode, String country) {

    public ShippingAddress {
        Fields.notBlank(name, "name");
        Fields.notBlank(street, "street");
        Fields.notBlank(city, "city");
        Fields.notBlank(postalCode, "postalCode");
        Fields.country(country, "country");
    }
}
