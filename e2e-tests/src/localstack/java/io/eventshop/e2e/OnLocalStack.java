package io.eventshop.e2e;

import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The {@code localstack} profile's switch: the end-to-end suite runs against LocalStack in Docker instead of the
 * in-JVM devstack endpoint, and is skipped, not failed, on a machine without Docker. Only that profile puts this class
 * on the test classpath and turns on JUnit's extension autodetection, which registers it for every test class.
 *
 * <p>It starts one LocalStack container for the whole run, before the first test that needs the running system, and
 * hands its endpoint to {@link RunningSystem} through a system property. The image is the one of
 * {@code docker-compose.yml}: a community release that starts without an auth token.
 */
public final class OnLocalStack implements ExecutionCondition, BeforeAllCallback {

    static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:3.8.1");
    static final String NO_DOCKER = "Docker is not available: the localstack profile skips the end-to-end suite";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OnLocalStack.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!needsTheRunningSystem(context)) {
            return ConditionEvaluationResult.enabled("needs no AWS endpoint");
        }
        return dockerIsAvailable(context)
                ? ConditionEvaluationResult.enabled("against LocalStack (" + IMAGE + ")")
                : ConditionEvaluationResult.disabled(NO_DOCKER);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (needsTheRunningSystem(context) && dockerIsAvailable(context)) {
            LocalStackContainer localStack = context.getRoot()
                    .getStore(NAMESPACE)
                    .computeIfAbsent(LocalStackContainer.class, key -> start(), LocalStackContainer.class);
            System.setProperty(
                    RunningSystem.AWS_ENDPOINT_PROPERTY,
                    localStack.getEndpoint().toString());
        }
    }

    private static LocalStackContainer start() {
        var localStack = new LocalStackContainer(IMAGE).withServices("sqs", "sns", "events");
        localStack.start();
        return localStack;
    }

    /** Whether the test class runs against the system, which is what {@link EventshopExtension} gives it. */
    private static boolean needsTheRunningSystem(ExtensionContext context) {
        return context.getTestClass()
                .map(type -> AnnotationSupport.findRepeatableAnnotations(type, ExtendWith.class).stream()
                        .anyMatch(extension -> List.of(extension.value()).contains(EventshopExtension.class)))
                .orElse(false);
    }

    /** Asks Docker once per run, and says so once when it is not there. */
    private static boolean dockerIsAvailable(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(
                        "docker",
                        key -> {
                            boolean available = DockerClientFactory.instance().isDockerAvailable();
                            if (!available) {
                                System.err.println("[localstack profile] " + NO_DOCKER + ".");
                            }
                            return available;
                        },
                        Boolean.class);
    }
}
