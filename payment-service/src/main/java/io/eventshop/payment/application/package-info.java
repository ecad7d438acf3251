/** The use cases: authorizing an order's payment, refunding it to compensate, and retrying refused refunds. */
@NullMarked
package io.eventshop.payment.application;

import org.jspecify.annotations.NullMarked;
