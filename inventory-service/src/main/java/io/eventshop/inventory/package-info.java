/** inventory-service: the product catalogue, stock levels and the stock reservations of orders. */
package io.eventshop.inventory;
