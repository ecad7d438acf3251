/** The events payment-service reacts to, and the use case each one runs. */
@NullMarked
package io.eventshop.payment.messaging;

import org.jspecify.annotations.NullMarked;
