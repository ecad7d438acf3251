/** The events that inventory-service publishes: stock reservations for orders, and the product catalogue's prices. */
package io.eventshop.events.inventory;
