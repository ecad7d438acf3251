/** The shipment's REST API: {@code /shipments}. */
package io.eventshop.shipping.shipment.web;
