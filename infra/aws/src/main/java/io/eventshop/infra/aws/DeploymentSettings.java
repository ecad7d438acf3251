package io.eventshop.infra.aws;

import io.eventshop.topology.Topology;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;

/**
 * What a deployment can choose, read from the CDK context ({@code cdk deploy -c name=value}, or {@code cdk.json}). No
 * setting needs AWS credentials or a lookup, so {@code cdk synth} works offline.
 *
 * @param topologyFile the messaging topology ({@code topology}; default {@code ../topology.yaml}, from infra/aws)
 * @param projectDirectory the repository root, whose {@code infra/docker/Dockerfile} builds the images
 *     ({@code projectDirectory}; default {@code ../..})
 * @param imageTag the tag of images pushed to ECR as {@code <imageRepositoryPrefix><service>}, instead of building
 *     them from the Dockerfile at deploy time ({@code imageTag}; default: build them)
 * @param imageRepositoryPrefix the prefix of those ECR repositories ({@code imageRepositoryPrefix}; default
 *     {@code eventshop/})
 * @param vpcEndpoints whether the tasks reach AWS through VPC interface endpoints rather than the NAT gateway
 *     ({@code vpcEndpoints}; default {@code false})
 * @param certificateArn an ACM certificate for HTTPS on the load balancer ({@code certificateArn}; default: HTTP only)
 * @param alarmEmail an address that the alarm topic notifies ({@code alarmEmail}; default: none)
 * @param account the account to deploy to ({@code account}; default: the CLI's, resolved at deploy time)
 * @param region the region to deploy to ({@code region}; default: the CLI's, resolved at deploy time)
 */
public record DeploymentSettings(
        Path topologyFile,
        Path projectDirectory,
        Optional<String> imageTag,
        String imageRepositoryPrefix,
        boolean vpcEndpoints,
        Optional<String> certificateArn,
        Optional<String> alarmEmail,
        Optional<String> account,
        Optional<String> region) {

    /** The settings with every default, as {@code cdk synth} without {@code -c} uses them. */
    public static DeploymentSettings defaults() {
        return new DeploymentSettings(
                Path.of("../topology.yaml"),
                Path.of("../.."),
                Optional.empty(),
                "eventshop/",
                false,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** The settings given as context values, each falling back to its default. */
    public static DeploymentSettings from(App app) {
        DeploymentSettings defaults = defaults();
        return new DeploymentSettings(
                context(app, "topology").map(Path::of).orElse(defaults.topologyFile()),
                context(app, "projectDirectory").map(Path::of).orElse(defaults.projectDirectory()),
                context(app, "imageTag"),
                context(app, "imageRepositoryPrefix").orElse(defaults.imageRepositoryPrefix()),
                context(app, "vpcEndpoints").map(Boolean::parseBoolean).orElse(false),
                context(app, "certificateArn"),
                context(app, "alarmEmail"),
                context(app, "account"),
                context(app, "region"));
    }

    /** The topology, read from {@link #topologyFile}. */
    public Topology topology() {
        try (InputStream yaml = Files.newInputStream(topologyFile)) {
            return Topology.read(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the topology at " + topologyFile.toAbsolutePath(), e);
        }
    }

    /**
     * The stacks' environment: an explicit account and region when both are given, else environment-agnostic, so
     * that nothing is looked up at synthesis.
     */
    Environment environment() {
        if (account.isPresent() && region.isPresent()) {
            return Environment.builder()
                    .account(account.get())
                    .region(region.get())
                    .build();
        }
        return Environment.builder().build();
    }

    private static Optional<String> context(App app, String key) {
        Object value = app.getNode().tryGetContext(key);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString());
    }
}
