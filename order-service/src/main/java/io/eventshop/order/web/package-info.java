/** The REST API of orders, with its requests, responses and Problem Details. */
@NullMarked
package io.eventshop.order.web;

import org.jspecify.annotations.NullMarked;
