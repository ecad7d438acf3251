/** The use case: turning a customer-facing event into a stored, sent notification, announced by CustomerNotified. */
@NullMarked
package io.eventshop.notification.application;

import org.jspecify.annotations.NullMarked;
