package io.eventshop.devstack.aws.events;

import static io.eventshop.devstack.aws.events.EventBridgeFixture.assertAwsError;
import static io.eventshop.devstack.aws.events.EventBridgeFixture.entry;
import static io.eventshop.devstack.aws.events.EventBridgeFixture.json;
import static io.eventshop.devstack.aws.events.EventBridgeFixture.target;
import static io.eventshop.devstack.aws.events.EventBridgeFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.devstack.aws.junit.LocalAwsExtension;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.eventbridge.model.InputTransformer;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

@ExtendWith(LocalAwsExtension.class)
class TargetIntegrationTests {

    private static final String PATTERN = "{\"source\":[\"shop.orders\"]}";
    private static final String DETAIL =
            "{\"orderId\":\"o-1\",\"total\":42.5,\"customer\":{\"name\":\"Ada \\\"A\\\"\"}}";

    private EventBridgeFixture fixture;
    private String bus;

    @BeforeEach
    void connect(LocalAwsEndpoint endpoint) {
        fixture = new EventBridgeFixture(endpoint);
        bus = fixture.bus();
    }

    @AfterEach
    void disconnect() {
        fixture.close();
    }

    @Test
    void inputSendsTheFixedJsonText() {
        var queue = fixture.queue("input");
        fixture.rule(
                bus,
                unique("rule"),
                PATTERN,
                target("q", queue).toBuilder().input("{\"fixed\":true}").build());

        fixture.put(entry(bus, "shop.orders", "OrderPlaced", DETAIL));

        assertThat(fixture.bodies(queue, 1)).containsExactly("{\"fixed\":true}");
    }

    @Test
    void inputPathSendsThePartOfTheEventAtThePath() {
        var detail = fixture.queue("detail");
        var orderId = fixture.queue("order-id");
        fixture.rule(
                bus,
                unique("rule"),
                PATTERN,
                target("detail", detail).toBuilder().inputPath("$.detail").build(),
                target("id", orderId).toBuilder().inputPath("$.detail.orderId").build());

        fixture.put(entry(bus, "shop.orders", "OrderPlaced", DETAIL));

        assertThat(fixture.bodies(detail, 1))
                .containsExactly("{\"orderId\":\"o-1\",\"total\":42.5,\"customer\":{\"name\":\"Ada \\\"A\\\"\"}}");
        assertThat(fixture.bodies(orderId, 1)).containsExactly("\"o-1\"");
    }

    @Test
    void inputTransformerFillsTheTemplate() {
        var queue = fixture.queue("transformed");
        String rule = unique("rule");
        var transformer = InputTransformer.builder()
                .inputPathsMap(
                        Map.of("id", "$.detail.orderId", "total", "$.detail.total", "name", "$.detail.customer.name"))
                .inputTemplate("{\"order\": <id>, \"amount\": <total>, \"text\": \"<name> paid <total> for <id>\", "
                        + "\"rule\": \"<aws.events.rule-name>\"}")
                .build();
        fixture.rule(
                bus,
                rule,
                PATTERN,
                target("q", queue).toBuilder().inputTransformer(transformer).build());

        fixture.put(entry(bus, "shop.orders", "OrderPlaced", DETAIL));

        assertThat(fixture.bodies(queue, 1))
                .containsExactly(
                        "{\"order\": \"o-1\", \"amount\": 42.5, \"text\": \"Ada \\\"A\\\" paid 42.5 for o-1\", "
                                + "\"rule\": \"" + rule + "\"}");
    }

    @Test
    void inputTransformerCanSendPlainText() {
        var queue = fixture.queue("text");
        var transformer = InputTransformer.builder()
                .inputPathsMap(Map.of("id", "$.detail.orderId"))
                .inputTemplate("Order <id> was placed")
                .build();
        fixture.rule(
                bus,
                unique("rule"),
                PATTERN,
                target("q", queue).toBuilder().inputTransformer(transformer).build());

        fixture.put(entry(bus, "shop.orders", "OrderPlaced", DETAIL));

        assertThat(fixture.bodies(queue, 1)).containsExactly("Order o-1 was placed");
    }

    @Test
    void aFifoTargetPassesItsMessageGroupIdAndDeduplicatesByEventId() {
        var queue = fixture.fifoQueue("orders");
        fixture.rule(
                bus,
                unique("rule"),
                PATTERN,
                target("q", queue).toBuilder()
                        .sqsParameters(p -> p.messageGroupId("orders-group"))
                        .build());

        String eventId =
                fixture.put(entry(bus, "shop.orders", "OrderPlaced", DETAIL)).getFirst();

        var message = fixture.receive(queue, 1).getFirst();
        assertThat(message.attributes()).containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, "orders-group");
        assertThat(json(message.body()).path("id").asText()).isEqualTo(eventId);
    }

    @Test
    void aFifoTargetWithoutAMessageGroupIdIsRefused() {
        var queue = fixture.fifoQueue("no-group");
        String rule = unique("rule");
        fixture.rule(bus, rule, PATTERN);

        assertAwsError(
                () -> fixture.events.putTargets(
                        b -> b.rule(rule).eventBusName(bus).targets(target("q", queue))),
                "ValidationException",
                400);
    }

    @Test
    void inputInputPathAndInputTransformerAreMutuallyExclusive() {
        String rule = unique("rule");
        fixture.rule(bus, rule, PATTERN);
        Target both = target("q", fixture.queue("both")).toBuilder()
                .input("{}")
                .inputPath("$.detail")
                .build();

        assertAwsError(
                () -> fixture.events.putTargets(
                        b -> b.rule(rule).eventBusName(bus).targets(both)),
                "ValidationException",
                400);
    }

    @Test
    void aRuleHasAtMostFiveTargets() {
        String rule = unique("rule");
        var queue = fixture.queue("many");
        fixture.rule(bus, rule, PATTERN);
        for (int i = 0; i < 5; i++) {
            String id = "t" + i;
            fixture.events.putTargets(b -> b.rule(rule).eventBusName(bus).targets(target(id, queue)));
        }
        fixture.events.putTargets(b -> b.rule(rule).eventBusName(bus).targets(target("t0", queue)));

        assertAwsError(
                () -> fixture.events.putTargets(
                        b -> b.rule(rule).eventBusName(bus).targets(target("t5", queue))),
                "LimitExceededException",
                400);
    }

    @Test
    void targetsCanBeListedAndRemoved() {
        String rule = unique("rule");
        var queue = fixture.queue("listed");
        fixture.rule(
                bus,
                rule,
                PATTERN,
                target("a", queue),
                target("b", queue).toBuilder().inputPath("$.detail").build());

        var listed = fixture.events
                .listTargetsByRule(b -> b.rule(rule).eventBusName(bus))
                .targets();
        assertThat(listed).extracting(Target::id).containsExactly("a", "b");
        assertThat(listed.get(1).inputPath()).isEqualTo("$.detail");
        assertThat(listed.get(0).arn()).isEqualTo(queue.arn());

        var removed =
                fixture.events.removeTargets(b -> b.rule(rule).eventBusName(bus).ids("a", "unknown"));
        assertThat(removed.failedEntryCount()).isZero();
        assertThat(fixture.events
                        .listTargetsByRule(b -> b.rule(rule).eventBusName(bus))
                        .targets())
                .extracting(Target::id)
                .containsExactly("b");
    }

    @Test
    void aTargetThatIsNotAQueueFailsAsAnEntry() {
        String rule = unique("rule");
        fixture.rule(bus, rule, PATTERN);
        Target lambda = Target.builder()
                .id("fn")
                .arn("arn:aws:lambda:us-east-1:000000000000:function:f")
                .build();

        var response =
                fixture.events.putTargets(b -> b.rule(rule).eventBusName(bus).targets(lambda));

        assertThat(response.failedEntryCount()).isEqualTo(1);
        assertThat(response.failedEntries().getFirst().targetId()).isEqualTo("fn");
        assertThat(response.failedEntries().getFirst().errorCode()).isEqualTo("ValidationException");
    }

    @Test
    void targetsOfAMissingRuleAreNotFound() {
        assertAwsError(
                () -> fixture.events.putTargets(
                        b -> b.rule(unique("no-rule")).eventBusName(bus).targets(target("q", fixture.queue("x")))),
                "ResourceNotFoundException",
                400);
    }
}
