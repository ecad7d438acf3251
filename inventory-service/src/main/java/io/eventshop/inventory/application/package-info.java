/**
 * inventory-service's use cases: the catalogue (reading, restocking, repricing, and seeding it), and the stock
 * reservations, one method per saga event the service reacts to (docs/saga.md). The ports they need are here too: the
 * repositories {@link io.eventshop.inventory.application.Products}, {@link io.eventshop.inventory.application.Reservations}
 * and {@link io.eventshop.inventory.application.OrderRequests}.
 */
package io.eventshop.inventory.application;
