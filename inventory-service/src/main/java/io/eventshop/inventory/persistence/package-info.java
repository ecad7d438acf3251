/**
 * inventory-service's tables. Products and reservations are JPA entities stored through Spring Data repositories,
 * behind the ports of the application package. Plain SQL stays where it is the point: the catalogue's advisory lock,
 * and {@code order_request}, a JSON copy of each OrderPlaced stored once ({@code on conflict do nothing}).
 */
package io.eventshop.inventory.persistence;
