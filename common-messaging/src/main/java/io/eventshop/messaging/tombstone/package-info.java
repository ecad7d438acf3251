/** Tombstones for out-of-order cancellations, shared by every service that starts work on a saga event. */
@NullMarked
package io.eventshop.messaging.tombstone;

import org.jspecify.annotations.NullMarked;
