/**
 * inventory-service's side of the saga's messages: {@link io.eventshop.inventory.messaging.InventoryEventHandlers}
 * wires the events it consumes to the use cases, and {@link io.eventshop.inventory.messaging.InventoryEventMapper}
 * turns the domain events the use cases raise into the shared contracts, in the outbox.
 */
package io.eventshop.inventory.messaging;
