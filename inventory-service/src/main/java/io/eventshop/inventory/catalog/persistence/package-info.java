/** The catalogue's tables, read and written with plain SQL. */
package io.eventshop.inventory.catalog.persistence;
