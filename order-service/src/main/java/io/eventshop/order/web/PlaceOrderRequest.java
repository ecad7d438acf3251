package io.eventshop.order.web;

import io.eventshop.order.application.PlaceOrder;
import io.eventshop.order.domain.ShippingAddress;
import io.eventshop.order.domain.Sku;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.util.List;

/** The body of {@code POST /orders}; bean validation names the offending field in a 400. */
record PlaceOrderRequest(
        @NotBlank String customerId,
        @NotEmpty List<@NotNull @Valid Item> items,
        @NotBlank String paymentToken,
        @NotNull @Valid Address shippingAddress) {

    record Item(@NotBlank String sku, @NotNull @Positive Integer quantity) {}

    record Address(
            @NotBlank String name,
            @NotBlank String street,
            @NotBlank String city,
            @NotBlank String postalCode,

            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be two upper-case letters (ISO 3166 alpha-2)")
            String country) {}

    PlaceOrder toCommand() {
        return new PlaceOrder(
                customerId,
                items.stream()
                        .map(item -> new PlaceOrder.Item(new Sku(item.sku()), item.quantity()))
                        .toList(),
                paymentToken,
                new ShippingAddress(
                        shippingAddress.name(),
                        shippingAddress.street(),
                        shippingAddress.city(),
                        shippingAddress.postalCode(),
                        shippingAddress.country()));
    }
}
