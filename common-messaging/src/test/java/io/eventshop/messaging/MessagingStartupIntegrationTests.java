package io.eventshop.messaging;

import static io.eventshop.messaging.testing.TestEvents.envelope;
import static io.eventshop.messaging.testing.TestEvents.paymentAuthorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.devstack.aws.junit.LocalAwsExtension;
import io.eventshop.events.EventEnvelope;
import io.eventshop.events.EventJson;
import io.eventshop.events.payment.PaymentAuthorized;
import io.eventshop.messaging.listener.EventHandlers;
import io.eventshop.messaging.testing.AwsFixtures;
import io.eventshop.messaging.testing.MessagingTestInfrastructure;
import io.eventshop.messaging.topology.LocalAwsClients;
import io.eventshop.messaging.topology.TopologyProvisioner;
import io.eventshop.topology.Topology;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** A service's start-up with the messaging auto-configuration: the topology it verifies and the queue it listens on. */
@ExtendWith({LocalAwsExtension.class, OutputCaptureExtension.class})
class MessagingStartupIntegrationTests {

    private static final Set<UUID> handled = ConcurrentHashMap.newKeySet();

    @Test
    void aServiceThatOnlyVerifiesTheTopologyFailsToStartNamingTheMissingResource() {
        ThrowingCallable startUp = () -> run(
                "eventshop.messaging.provision=false",
                "eventshop.messaging.topology=classpath:never-provisioned-topology.yaml",
                "eventshop.messaging.service-name=never-provisioned-service");

        assertThatException()
                .isThrownBy(startUp)
                .withStackTraceContaining("Missing SQS queue never-provisioned-events.fifo; deploy the CDK stack"
                        + " eventshop-messaging (infra/aws), or start with eventshop.messaging.provision=true");
    }

    @Test
    void aServiceThatOnlyVerifiesTheTopologyFindsTheTopicByItsArnAndStarts(
            LocalAwsEndpoint endpoint, CapturedOutput output) {
        try (SqsClient sqs = LocalAwsClients.sqs(endpoint);
                SnsClient sns = LocalAwsClients.sns(endpoint);
                EventBridgeClient events = LocalAwsClients.events(endpoint)) {
            new TopologyProvisioner(sqs, sns, events)
                    .provision(Topology.read(getClass().getResourceAsStream("/topology.yaml")));
        }

        try (ConfigurableApplicationContext context = run(
                "eventshop.messaging.provision=false",
                "eventshop.messaging.topic=" + endpoint.account().arn("sns", "order-events.fifo"))) {
            assertThat(output)
                    .contains("Verified the messaging topology that payment-service uses, and created nothing:"
                            + " SQS queues [payment-service-events.fifo, payment-service-events-dlq.fifo]");
        }
    }

    @Test
    void withoutAQueuePropertyTheListenerConsumesTheQueueTheTopologyDeclaresForTheService(LocalAwsEndpoint endpoint) {
        try (ConfigurableApplicationContext context = run("eventshop.messaging.provision=true");
                AwsFixtures aws = new AwsFixtures(endpoint)) {
            EventEnvelope event = envelope(paymentAuthorized(UUID.randomUUID()));

            aws.sqs().sendMessage(request -> request.queueUrl(aws.queueUrl("payment-service-events.fifo"))
                    .messageGroupId(event.orderingKey())
                    .messageDeduplicationId(event.eventId().toString())
                    .messageBody(new EventJson().write(event)));

            await().atMost(Duration.ofSeconds(20)).until(() -> handled.contains(event.eventId()));
        }
    }

    /** Starts payment-service with its handlers; the given properties win over application.properties. */
    private static ConfigurableApplicationContext run(String... properties) {
        return new SpringApplicationBuilder(MessagingTestApplication.class, Handlers.class)
                .web(WebApplicationType.NONE)
                .initializers(new MessagingTestInfrastructure())
                .properties(
                        "eventshop.messaging.service-name=payment-service",
                        "eventshop.messaging.relay.enabled=false",
                        "eventshop.messaging.listener.poll-timeout=1s")
                .run(Arrays.stream(properties).map(property -> "--" + property).toArray(String[]::new));
    }

    @Configuration(proxyBeanMethods = false)
    static class Handlers {

        @Bean
        EventHandlers eventHandlers() {
            return new EventHandlers()
                    .on(PaymentAuthorized.class, (event, envelope) -> handled.add(envelope.eventId()));
        }
    }
}
