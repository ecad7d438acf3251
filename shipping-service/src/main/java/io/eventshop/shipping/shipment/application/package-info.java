/** The shipment use cases: one per saga event that shipping-service reacts to (see docs/saga.md), and the reads. */
package io.eventshop.shipping.shipment.application;
