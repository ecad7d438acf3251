/** The catalogue's use cases: reading products and restocking them. */
package io.eventshop.inventory.catalog.application;
