package io.eventshop.infra.aws;

import io.eventshop.topology.Topology;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.Validations;

/**
 * The CDK app that deploys eventshop to an AWS account: five stacks, built from {@code infra/topology.yaml} and the
 * settings in {@link DeploymentSettings}. {@code npx aws-cdk@2 synth} (see {@code cdk.json}) runs {@link #main}.
 */
public final class EventshopApp {

    private EventshopApp() {}

    public static void main(String[] args) {
        App app = new App();
        build(app, DeploymentSettings.from(app));
        app.synth();
    }

    /**
     * Adds eventshop's stacks to the app, and cdk-nag's AwsSolutions checks, which fail the synthesis on any finding
     * that is not acknowledged next to its construct.
     */
    public static EventshopStacks build(App app, DeploymentSettings settings) {
        Topology topology = settings.topology();
        StackProps props = StackProps.builder().env(settings.environment()).build();

        NetworkStack network = new NetworkStack(app, "eventshop-network", props, settings.vpcEndpoints());
        DataStack data = new DataStack(app, "eventshop-data", props, network.vpc(), EventshopService.ALL);
        MessagingStack messaging = new MessagingStack(app, "eventshop-messaging", props, topology);
        ServicesStack services =
                new ServicesStack(app, "eventshop-services", props, settings, network, data, messaging, topology);
        MonitoringStack monitoring =
                new MonitoringStack(app, "eventshop-monitoring", props, settings, messaging, services, topology);

        Tags.of(app).add("application", "eventshop");
        Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
        return new EventshopStacks(network, data, messaging, services, monitoring);
    }

    /** The app's stacks, in the order they deploy. */
    public record EventshopStacks(
            NetworkStack network,
            DataStack data,
            MessagingStack messaging,
            ServicesStack services,
            MonitoringStack monitoring) {}
}
