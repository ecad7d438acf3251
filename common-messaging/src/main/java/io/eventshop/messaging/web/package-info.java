/** The HTTP conventions that every service shares: errors as RFC 9457 Problem Details that name the offending field. */
@NullMarked
package io.eventshop.messaging.web;

import org.jspecify.annotations.NullMarked;
