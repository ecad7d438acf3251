/** payment-service: payments authorized and refunded through a payment provider, in reaction to the order saga. */
@NullMarked
package io.eventshop.payment;

import org.jspecify.annotations.NullMarked;
