/**
 * The Notification, its typed ids and its domain event, in plain Java with JPA's mapping annotations.
 */
@NullMarked
package io.eventshop.notification.domain;

import org.jspecify.annotations.NullMarked;
