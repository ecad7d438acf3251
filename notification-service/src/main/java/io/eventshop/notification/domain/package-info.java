/** The Notification and its value objects, with no framework. */
@NullMarked
package io.eventshop.notification.domain;

import org.jspecify.annotations.NullMarked;
