package io.eventshop.infra.aws;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The network: a VPC over two availability zones, with public subnets for the load balancer and the NAT gateway,
 * private subnets for the tasks, and isolated subnets for the database.
 *
 * <p>By default one NAT gateway carries the tasks' calls to AWS (about 32 USD a month plus data). With
 * {@code vpcEndpoints=true}, interface endpoints carry them instead; each costs about 7 USD a month per zone, so the
 * nine below cost about 130 USD a month in two zones, more than the NAT gateway, but no traffic leaves AWS's network.
 */
public class NetworkStack extends Stack {

    private static final int AVAILABILITY_ZONES = 2;

    /** What the tasks call when they reach AWS through interface endpoints: messaging, secrets, images, logs. */
    private static final Map<String, InterfaceVpcEndpointAwsService> INTERFACE_ENDPOINTS = Map.of(
            "Sqs", InterfaceVpcEndpointAwsService.SQS,
            "Sns", InterfaceVpcEndpointAwsService.SNS,
            "EventBridge", InterfaceVpcEndpointAwsService.EVENTBRIDGE,
            "SecretsManager", InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
            "EcrApi", InterfaceVpcEndpointAwsService.ECR,
            "EcrDocker", InterfaceVpcEndpointAwsService.ECR_DOCKER,
            "Logs", InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
            "Monitoring", InterfaceVpcEndpointAwsService.CLOUDWATCH_MONITORING,
            "Xray", InterfaceVpcEndpointAwsService.XRAY);

    private final Vpc vpc;

    public NetworkStack(Construct scope, String id, StackProps props, boolean vpcEndpoints) {
        super(scope, id, props);
        LogGroup flowLogs = LogGroup.Builder.create(this, "FlowLogs")
                .retention(RetentionDays.ONE_MONTH)
                .build();
        this.vpc = Vpc.Builder.create(this, "Vpc")
                .ipAddresses(IpAddresses.cidr("10.40.0.0/16"))
                .maxAzs(AVAILABILITY_ZONES)
                .natGateways(vpcEndpoints ? 0 : 1)
                .subnetConfiguration(List.of(
                        subnet("public", SubnetType.PUBLIC),
                        subnet("tasks", vpcEndpoints ? SubnetType.PRIVATE_ISOLATED : SubnetType.PRIVATE_WITH_EGRESS),
                        subnet("database", SubnetType.PRIVATE_ISOLATED)))
                .flowLogs(Map.of(
                        "RejectedTraffic",
                        FlowLogOptions.builder()
                                .destination(FlowLogDestination.toCloudWatchLogs(flowLogs))
                                .trafficType(FlowLogTrafficType.REJECT)
                                .build()))
                .build();
        if (vpcEndpoints) {
            addEndpoints();
        }
    }

    /** The VPC. */
    public Vpc vpc() {
        return vpc;
    }

    /** Where the services' tasks run. */
    public SubnetSelection taskSubnets() {
        return SubnetSelection.builder().subnetGroupName("tasks").build();
    }

    private void addEndpoints() {
        SubnetSelection tasks = taskSubnets();
        // ECR keeps image layers in S3, which a gateway endpoint reaches at no cost.
        vpc.addGatewayEndpoint(
                "S3",
                GatewayVpcEndpointOptions.builder()
                        .service(GatewayVpcEndpointAwsService.S3)
                        .subnets(List.of(tasks))
                        .build());
        INTERFACE_ENDPOINTS.forEach((name, service) -> vpc.addInterfaceEndpoint(
                name,
                InterfaceVpcEndpointOptions.builder()
                        .service(service)
                        .subnets(tasks)
                        .privateDnsEnabled(true)
                        .build()));
    }

    private static SubnetConfiguration subnet(String name, SubnetType type) {
        return SubnetConfiguration.builder()
                .name(name)
                .subnetType(type)
                .cidrMask(22)
                .build();
    }
}
