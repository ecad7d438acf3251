/** The ways a notification reaches a customer: the NotificationChannel port, a logging adapter and an SMTP adapter. */
@NullMarked
package io.eventshop.notification.channel;

import org.jspecify.annotations.NullMarked;
