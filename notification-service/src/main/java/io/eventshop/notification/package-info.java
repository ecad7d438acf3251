/** notification-service: customer notifications, routed to it by EventBridge rules (content-based routing). */
@NullMarked
package io.eventshop.notification;

import org.jspecify.annotations.NullMarked;
