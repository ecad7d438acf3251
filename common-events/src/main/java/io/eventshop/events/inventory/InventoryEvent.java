package io.eventshop.events.inventory;

import io.eventshop.events.IntegrationEvent;

/** An event published by inventory-service. */
public sealed interface InventoryEvent extends IntegrationEvent
        permits StockReserved, StockReservationFailed, StockReleased, ProductPriceChanged {}
