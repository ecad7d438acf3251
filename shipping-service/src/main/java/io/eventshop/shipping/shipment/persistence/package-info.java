/** The shipment's tables, read and written with plain SQL. */
package io.eventshop.shipping.shipment.persistence;
