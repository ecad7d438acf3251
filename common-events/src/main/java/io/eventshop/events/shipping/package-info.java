/** The events that shipping-service publishes: whether a shipment could be scheduled. */
package io.eventshop.events.shipping;
