/** The saga events shipping-service consumes, wired to their use cases. */
package io.eventshop.shipping.shipment.messaging;
