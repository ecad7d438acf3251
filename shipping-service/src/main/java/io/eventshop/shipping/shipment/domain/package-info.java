/** The shipment's domain: a shipment's states, and the carrier as a port. */
package io.eventshop.shipping.shipment.domain;
