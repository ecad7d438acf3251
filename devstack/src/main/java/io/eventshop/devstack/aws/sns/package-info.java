/** The local SNS: topics, SQS subscriptions with filter policies, FIFO ordering and deduplication, and delivery. */
package io.eventshop.devstack.aws.sns;
