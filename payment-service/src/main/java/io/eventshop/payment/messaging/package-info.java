/**
 * payment-service's messaging: the events it reacts to and the use case each one runs ({@code PaymentEventHandlers}),
 * and its domain events turned into the published contracts ({@code PaymentEventMapper}).
 */
@NullMarked
package io.eventshop.payment.messaging;

import org.jspecify.annotations.NullMarked;
