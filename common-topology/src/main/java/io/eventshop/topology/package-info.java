/**
 * The messaging topology declared in {@code infra/topology.yaml} as a typed, validated model, with no Spring and no AWS
 * SDK: the services provision or verify it at start-up, and the CDK app in {@code infra/aws} builds AWS resources
 * from it.
 */
package io.eventshop.topology;
