/** The catalogue's REST API: {@code /products}. */
package io.eventshop.inventory.catalog.web;
