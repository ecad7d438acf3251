/**
 * shipping-service's side of the saga's messages: {@link io.eventshop.shipping.messaging.ShippingEventHandlers} wires
 * the events it consumes to the use cases, and {@link io.eventshop.shipping.messaging.ShippingEventMapper} turns the
 * domain events of shipments into the shared contracts, in the outbox.
 */
package io.eventshop.shipping.messaging;
