/**
 * shipping-service's table {@code shipment}: the shipment is a JPA entity stored through a Spring Data repository,
 * behind the application's {@link io.eventshop.shipping.application.Shipments} port.
 */
package io.eventshop.shipping.persistence;
