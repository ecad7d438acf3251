/**
 * inventory-service's domain: products with their prices and stock, and the reservations that hold stock for orders,
 * with the rules for changing them and the domain events they raise. Plain Java; the JPA mapping annotations are the
 * one framework it names, because the aggregates are the entities.
 */
package io.eventshop.inventory.domain;
