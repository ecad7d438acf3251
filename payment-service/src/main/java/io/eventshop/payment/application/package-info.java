/**
 * The use cases (authorizing an order's payment, refunding it to compensate, retrying refused refunds) and the ports
 * they need: {@link io.eventshop.payment.application.Payments} and
 * {@link io.eventshop.payment.application.PaymentProvider}.
 */
@NullMarked
package io.eventshop.payment.application;

import org.jspecify.annotations.NullMarked;
