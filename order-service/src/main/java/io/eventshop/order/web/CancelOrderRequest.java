package io.eventshop.order.web;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The optional body of {@code POST /orders/{id}/cancel}. */
record CancelOrderRequest(@Nullable @Size(max = 500) String reason) {

    static final String DEFAULT_REASON = "cancelled by the customer";

    String reasonOrDefault() {
        return reason == null || reason.isBlank() ? DEFAULT_REASON : reason;
    }
}
