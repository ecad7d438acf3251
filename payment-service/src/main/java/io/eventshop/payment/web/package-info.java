/** The REST API: payments by id and by order, as JSON, with Problem Details on errors. */
@NullMarked
package io.eventshop.payment.web;

import org.jspecify.annotations.NullMarked;
