package io.eventshop.inventory.web;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** The body of {@code PUT /products/{sku}/price}: the new price in EUR, with at most two decimals. */
record RepriceRequest(
        @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2)
        BigDecimal price) {}
