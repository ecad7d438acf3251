/**
 * shipping-service's domain: a shipment's states and the domain events it raises, and what a carrier is asked to
 * carry (a destination and parcels). Plain Java; the JPA mapping annotations are the one framework it names, because
 * the shipment is the entity.
 */
package io.eventshop.shipping.domain;
