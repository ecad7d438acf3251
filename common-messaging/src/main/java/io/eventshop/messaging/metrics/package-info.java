/** Where a service's meters go beyond {@code /actuator/prometheus}: CloudWatch, on AWS. */
package io.eventshop.messaging.metrics;
