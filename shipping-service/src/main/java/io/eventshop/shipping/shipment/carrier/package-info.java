/** The carrier adapter: a simulated carrier, called through a retry, a circuit breaker and a time limit. */
package io.eventshop.shipping.shipment.carrier;
