/** The Payment aggregate and its value objects: the rules of authorizing, declining and refunding, with no framework. */
@NullMarked
package io.eventshop.payment.domain;

import org.jspecify.annotations.NullMarked;
