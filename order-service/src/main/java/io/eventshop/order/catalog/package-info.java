/** The replica of the catalogue's prices, kept from inventory's ProductPriceChanged events. */
@NullMarked
package io.eventshop.order.catalog;

import org.jspecify.annotations.NullMarked;
