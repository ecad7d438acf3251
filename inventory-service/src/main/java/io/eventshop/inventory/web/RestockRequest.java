package io.eventshop.inventory.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** The body of {@code PUT /products/{sku}/stock}: how many units arrived. */
record RestockRequest(@NotNull @Positive Integer quantity) {}
