package io.eventshop.infra.aws;

import io.eventshop.topology.Topology;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationActionProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationTargetsProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.FixedResponseOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCondition;
import software.amazon.awscdk.services.elasticloadbalancingv2.RedirectOptions;
import software.constructs.Construct;

/**
 * The services: one ECS cluster on Fargate, the one-off task that creates the databases and logins, one ECS service
 * per eventshop service, and the internet-facing Application Load Balancer that routes each public API path to its
 * service. Nothing operational is routed: {@code /ops}, {@code /actuator}, the simulated providers and the operator's
 * methods (restock, reprice) answer 404 from the load balancer itself, and only the load balancer's health checks reach
 * a task's readiness probe.
 */
public class ServicesStack extends Stack {

    static final int CONTAINER_PORT = 8080;

    /** Paths that no request from the internet may reach, checked before any service's rule. */
    static final List<String> BLOCKED_PATHS = List.of("/ops/*", "/actuator/*", "/simulated-provider/*", "*/ops/*");

    private final Cluster cluster;
    private final ApplicationLoadBalancer loadBalancer;
    private final Map<String, DeployedService> services = new LinkedHashMap<>();
    private final Map<String, ApplicationTargetGroup> targetGroups = new LinkedHashMap<>();

    public ServicesStack(
            Construct scope,
            String id,
            StackProps props,
            DeploymentSettings settings,
            NetworkStack network,
            DataStack data,
            MessagingStack messaging,
            Topology topology) {
        super(scope, id, props);
        this.cluster = Cluster.Builder.create(this, "Cluster")
                .vpc(network.vpc())
                .containerInsightsV2(ContainerInsights.ENABLED)
                .build();
        Images images = new Images(settings);
        DatabaseSetup databaseSetup = new DatabaseSetup(
                this, "DatabaseSetup", cluster, network.taskSubnets(), data, images, EventshopService.ALL);

        SecurityGroup balancerGroup = SecurityGroup.Builder.create(this, "LoadBalancerGroup")
                .vpc(network.vpc())
                .description("The public load balancer of eventshop")
                .allowAllOutbound(false)
                .build();
        this.loadBalancer = ApplicationLoadBalancer.Builder.create(this, "LoadBalancer")
                .vpc(network.vpc())
                .internetFacing(true)
                .vpcSubnets(
                        SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
                .securityGroup(balancerGroup)
                .dropInvalidHeaderFields(true)
                .build();
        Findings.acknowledge(
                loadBalancer,
                "AwsSolutions-ELB2",
                "Access logs need a bucket policy for the region's load balancer account, which an"
                        + " environment-agnostic stack cannot name; the 5xx alarms and the services' logs cover errors.");
        ApplicationListener listener = listener(settings, balancerGroup);

        int priority = 10;
        for (EventshopService service : EventshopService.ALL) {
            DeployedService deployed = new DeployedService(
                    this,
                    service.id(),
                    new DeployedService.Wiring(service, cluster, network.taskSubnets(), data, messaging, topology),
                    images);
            deployed.getNode().addDependency(databaseSetup);
            services.put(service.name(), deployed);
            targetGroups.put(service.name(), route(listener, service, deployed, priority));
            priority += 10;
        }

        CfnOutput.Builder.create(this, "LoadBalancerUrl")
                .description("Where eventshop's API answers, such as POST <url>/orders")
                .value((settings.certificateArn().isPresent() ? "https://" : "http://")
                        + loadBalancer.getLoadBalancerDnsName())
                .build();
    }

    /** The ECS cluster. */
    public Cluster cluster() {
        return cluster;
    }

    /** The public load balancer. */
    public ApplicationLoadBalancer loadBalancer() {
        return loadBalancer;
    }

    /** The deployed service with the given name. */
    public DeployedService service(String name) {
        return services.get(name);
    }

    /** The load balancer's target group of the service with the given name. */
    public ApplicationTargetGroup targetGroup(String name) {
        return targetGroups.get(name);
    }

    /**
     * HTTPS when a certificate is given (and HTTP redirects to it), else HTTP. Both are open to the internet, as a
     * public API is; anything that matches no rule gets a 404.
     */
    private ApplicationListener listener(DeploymentSettings settings, SecurityGroup balancerGroup) {
        ListenerAction notFound = ListenerAction.fixedResponse(
                404,
                FixedResponseOptions.builder()
                        .contentType("application/problem+json")
                        .messageBody("{\"title\":\"Not Found\",\"status\":404}")
                        .build());
        ApplicationListener listener;
        if (settings.certificateArn().isPresent()) {
            listener = loadBalancer.addListener(
                    "Https",
                    BaseApplicationListenerProps.builder()
                            .protocol(ApplicationProtocol.HTTPS)
                            .port(443)
                            .certificates(List.of(ListenerCertificate.fromArn(
                                    settings.certificateArn().get())))
                            .defaultAction(notFound)
                            .open(false)
                            .build());
            loadBalancer.addListener(
                    "HttpRedirect",
                    BaseApplicationListenerProps.builder()
                            .protocol(ApplicationProtocol.HTTP)
                            .port(80)
                            .defaultAction(ListenerAction.redirect(RedirectOptions.builder()
                                    .protocol("HTTPS")
                                    .port("443")
                                    .permanent(true)
                                    .build()))
                            .open(false)
                            .build());
            balancerGroup.addIngressRule(Peer.anyIpv4(), Port.tcp(443), "HTTPS from the internet");
        } else {
            listener = loadBalancer.addListener(
                    "Http",
                    BaseApplicationListenerProps.builder()
                            .protocol(ApplicationProtocol.HTTP)
                            .port(80)
                            .defaultAction(notFound)
                            .open(false)
                            .build());
        }
        balancerGroup.addIngressRule(Peer.anyIpv4(), Port.tcp(80), "HTTP from the internet");
        Findings.acknowledge(
                balancerGroup,
                "AwsSolutions-EC23",
                "The load balancer serves eventshop's public API; it routes only the API paths of the services.");
        listener.addAction(
                "BlockOperations",
                AddApplicationActionProps.builder()
                        .priority(1)
                        .conditions(List.of(ListenerCondition.pathPatterns(BLOCKED_PATHS)))
                        .action(notFound)
                        .build());
        return listener;
    }

    private static ApplicationTargetGroup route(
            ApplicationListener listener, EventshopService service, DeployedService deployed, int priority) {
        return listener.addTargets(
                service.id(),
                AddApplicationTargetsProps.builder()
                        .priority(priority)
                        .conditions(List.of(
                                ListenerCondition.pathPatterns(service.paths()),
                                ListenerCondition.httpRequestMethods(service.methods())))
                        .port(CONTAINER_PORT)
                        .protocol(ApplicationProtocol.HTTP)
                        .targets(List.of(deployed.fargateService()))
                        .deregistrationDelay(Duration.seconds(20))
                        .healthCheck(HealthCheck.builder()
                                .path("/actuator/health/readiness")
                                .healthyHttpCodes("200")
                                .interval(Duration.seconds(15))
                                .build())
                        .build());
    }
}
