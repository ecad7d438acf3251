package io.eventshop.events.shipping;

import io.eventshop.events.IntegrationEvent;

/** An event published by shipping-service. */
public sealed interface ShippingEvent extends IntegrationEvent permits ShipmentScheduled, ShipmentFailed {}
