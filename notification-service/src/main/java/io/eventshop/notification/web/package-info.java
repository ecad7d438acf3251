/** The REST API: a customer's notifications, with Problem Details on errors. */
@NullMarked
package io.eventshop.notification.web;

import org.jspecify.annotations.NullMarked;
