/** The saga events inventory-service consumes, wired to their use cases. */
package io.eventshop.inventory.reservation.messaging;
