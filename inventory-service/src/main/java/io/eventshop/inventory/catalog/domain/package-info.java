/** The catalogue's domain: products, their prices and their stock, with the rules for changing the stock. */
package io.eventshop.inventory.catalog.domain;
