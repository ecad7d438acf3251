package io.eventshop.infra.aws;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.assets.Platform;
import software.amazon.awscdk.services.ecs.AssetImageProps;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.constructs.Construct;

/**
 * Where the tasks' images come from. By default the CDK builds them at deploy time, as assets: each service from
 * {@code infra/docker/Dockerfile}, and the database setup from {@code infra/aws/database-setup}. With
 * {@code imageTag}, it takes images that CI pushed to ECR instead, and needs no Docker.
 */
final class Images {

    private static final String DATABASE_SETUP = "database-setup";

    private final DeploymentSettings settings;

    Images(DeploymentSettings settings) {
        this.settings = settings;
    }

    ContainerImage of(Construct scope, EventshopService service) {
        if (settings.imageTag().isPresent()) {
            return pushed(scope, service.name());
        }
        return ContainerImage.fromAsset(
                settings.projectDirectory().toString(),
                AssetImageProps.builder()
                        .file("infra/docker/Dockerfile")
                        .buildArgs(Map.of("SERVICE", service.name()))
                        // The synthesized app lives inside the project; the asset must not copy it into itself.
                        .exclude(List.of("infra/aws/cdk.out", "**/target", ".git", ".devstack", "**/node_modules"))
                        .platform(Platform.LINUX_AMD64)
                        .build());
    }

    ContainerImage databaseSetup(Construct scope) {
        if (settings.imageTag().isPresent()) {
            return pushed(scope, DATABASE_SETUP);
        }
        return ContainerImage.fromAsset(
                settings.projectDirectory()
                        .resolve("infra/aws")
                        .resolve(DATABASE_SETUP)
                        .toString(),
                AssetImageProps.builder().platform(Platform.LINUX_AMD64).build());
    }

    private ContainerImage pushed(Construct scope, String name) {
        return ContainerImage.fromEcrRepository(
                Repository.fromRepositoryName(scope, "Repository", settings.imageRepositoryPrefix() + name),
                settings.imageTag().orElseThrow());
    }
}
