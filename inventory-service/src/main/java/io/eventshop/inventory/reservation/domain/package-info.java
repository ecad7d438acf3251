/** The reservation's domain: the stock held for one order, and the rules for holding, releasing and committing it. */
package io.eventshop.inventory.reservation.domain;
