/** Problems that application code reports without knowing HTTP; the web layer maps them to Problem Details. */
@NullMarked
package io.eventshop.messaging.problem;

import org.jspecify.annotations.NullMarked;
