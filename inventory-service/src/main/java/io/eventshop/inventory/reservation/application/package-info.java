/** The reservation use cases, one per saga event that inventory-service reacts to (see docs/saga.md). */
package io.eventshop.inventory.reservation.application;
