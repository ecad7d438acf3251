/** The initial catalogue, and the ProductPriceChanged events that announce it. */
package io.eventshop.inventory.catalog.seed;
