/** EventBridge for the local endpoint: buses, rules matched by event-ruler, SQS targets, archives and replays. */
package io.eventshop.devstack.aws.events;
