package io.eventshop.devstack.aws.events;

import static io.eventshop.devstack.aws.events.EventBridgeFixture.assertAwsError;
import static io.eventshop.devstack.aws.events.EventBridgeFixture.entry;
import static io.eventshop.devstack.aws.events.EventBridgeFixture.target;
import static io.eventshop.devstack.aws.events.EventBridgeFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.devstack.aws.junit.LocalAwsExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.RuleState;

@ExtendWith(LocalAwsExtension.class)
class RuleIntegrationTests {

    private static final String PATTERN = "{\"source\":[\"shop.orders\"]}";

    private EventBridgeFixture fixture;

    @BeforeEach
    void connect(LocalAwsEndpoint endpoint) {
        fixture = new EventBridgeFixture(endpoint);
    }

    @AfterEach
    void disconnect() {
        fixture.close();
    }

    @Test
    void ruleArnsNameTheBusExceptOnTheDefaultBus() {
        String bus = fixture.bus();
        String name = unique("rule");
        assertThat(fixture.rule(bus, name, PATTERN))
                .isEqualTo("arn:aws:events:us-east-1:000000000000:rule/" + bus + "/" + name);
        assertThat(fixture.rule("default", name, PATTERN))
                .isEqualTo("arn:aws:events:us-east-1:000000000000:rule/" + name);
        fixture.events.deleteRule(b -> b.name(name));
    }

    @Test
    void aRuleCanBeDescribedAndIsEnabledByDefault() {
        String bus = fixture.bus();
        String name = unique("rule");
        fixture.events.putRule(
                b -> b.name(name).eventBusName(bus).eventPattern(PATTERN).description("orders"));

        var rule = fixture.events.describeRule(b -> b.name(name).eventBusName(bus));
        assertThat(rule.name()).isEqualTo(name);
        assertThat(rule.eventBusName()).isEqualTo(bus);
        assertThat(rule.eventPattern()).isEqualTo(PATTERN);
        assertThat(rule.state()).isEqualTo(RuleState.ENABLED);
        assertThat(rule.description()).isEqualTo("orders");
        assertThat(rule.arn()).endsWith(":rule/" + bus + "/" + name);
    }

    @Test
    void putRuleReplacesTheWholeRule() {
        String bus = fixture.bus();
        String name = unique("rule");
        fixture.events.putRule(
                b -> b.name(name).eventBusName(bus).eventPattern(PATTERN).description("first"));
        fixture.events.putRule(b -> b.name(name)
                .eventBusName(bus)
                .eventPattern("{\"source\":[\"shop.payments\"]}")
                .state(RuleState.DISABLED));

        var rule = fixture.events.describeRule(b -> b.name(name).eventBusName(bus));
        assertThat(rule.description()).isNull();
        assertThat(rule.eventPattern()).isEqualTo("{\"source\":[\"shop.payments\"]}");
        assertThat(rule.state()).isEqualTo(RuleState.DISABLED);
    }

    @Test
    void listRulesFiltersByBusAndPrefixAndPages() {
        String bus = fixture.bus();
        String prefix = unique("listed");
        for (int i = 0; i < 3; i++) {
            fixture.rule(bus, prefix + "-" + i, PATTERN);
        }
        fixture.rule(bus, unique("other"), PATTERN);

        var first = fixture.events.listRules(
                b -> b.eventBusName(bus).namePrefix(prefix).limit(2));
        assertThat(first.rules()).extracting(Rule::name).containsExactly(prefix + "-0", prefix + "-1");
        var second = fixture.events.listRules(
                b -> b.eventBusName(bus).namePrefix(prefix).limit(2).nextToken(first.nextToken()));
        assertThat(second.rules()).extracting(Rule::name).containsExactly(prefix + "-2");
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void invalidPatternsAndSchedulesAreRefused() {
        String bus = fixture.bus();
        assertAwsError(
                () -> fixture.events.putRule(
                        b -> b.name(unique("bad")).eventBusName(bus).eventPattern("{\"source\":\"not-a-list\"}")),
                "InvalidEventPatternException",
                400);
        assertAwsError(
                () -> fixture.events.putRule(
                        b -> b.name(unique("bad")).eventBusName(bus).eventPattern("not json")),
                "InvalidEventPatternException",
                400);
        assertAwsError(
                () -> fixture.events.putRule(
                        b -> b.name(unique("cron")).eventBusName(bus).scheduleExpression("rate(1 minute)")),
                "ValidationException",
                400);
    }

    @Test
    void rulesOnMissingBusesAndMissingRulesAreNotFound() {
        assertAwsError(
                () -> fixture.events.putRule(b ->
                        b.name(unique("rule")).eventBusName(unique("no-bus")).eventPattern(PATTERN)),
                "ResourceNotFoundException",
                400);
        assertAwsError(
                () -> fixture.events.describeRule(b -> b.name(unique("no-rule"))), "ResourceNotFoundException", 400);
        assertAwsError(
                () -> fixture.events.enableRule(b -> b.name(unique("no-rule"))), "ResourceNotFoundException", 400);
    }

    @Test
    void aDisabledRuleDeliversNothingUntilItIsEnabledAgain() {
        String bus = fixture.bus();
        var queue = fixture.queue("disabled");
        String name = unique("rule");
        fixture.rule(bus, name, PATTERN, target("q", queue));

        fixture.events.disableRule(b -> b.name(name).eventBusName(bus));
        assertThat(fixture.events
                        .describeRule(b -> b.name(name).eventBusName(bus))
                        .state())
                .isEqualTo(RuleState.DISABLED);
        fixture.put(entry(bus, "shop.orders", "OrderPlaced", "{\"n\":1}"));
        fixture.assertEmpty(queue);

        fixture.events.enableRule(b -> b.name(name).eventBusName(bus));
        fixture.put(entry(bus, "shop.orders", "OrderPlaced", "{\"n\":2}"));
        assertThat(EventBridgeFixture.json(fixture.bodies(queue, 1).getFirst())
                        .path("detail")
                        .path("n")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void aRuleWithTargetsIsDeletedOnlyWithForce() {
        String bus = fixture.bus();
        String name = unique("rule");
        fixture.rule(bus, name, PATTERN, target("q", fixture.queue("forced")));

        assertAwsError(
                () -> fixture.events.deleteRule(b -> b.name(name).eventBusName(bus)), "ValidationException", 400);

        fixture.events.deleteRule(b -> b.name(name).eventBusName(bus).force(true));
        assertThat(fixture.events.listRules(b -> b.eventBusName(bus)).rules()).isEmpty();
    }

    @Test
    void deletingARuleThatDoesNotExistIsNotAnError() {
        fixture.events.deleteRule(b -> b.name(unique("never-created")));
    }

    @Test
    void testEventPatternAnswersWhetherAnEventMatches() {
        String event = "{\"id\":\"1\",\"account\":\"000000000000\",\"source\":\"shop.orders\","
                + "\"time\":\"2024-01-01T00:00:00Z\",\"region\":\"us-east-1\",\"detail-type\":\"OrderPlaced\","
                + "\"resources\":[],\"detail\":{\"total\":120}}";

        assertThat(fixture.events
                        .testEventPattern(b ->
                                b.event(event).eventPattern("{\"detail\":{\"total\":[{\"numeric\":[\">\",100]}]}}"))
                        .result())
                .isTrue();
        assertThat(fixture.events
                        .testEventPattern(b -> b.event(event).eventPattern("{\"source\":[\"shop.payments\"]}"))
                        .result())
                .isFalse();
        assertAwsError(
                () -> fixture.events.testEventPattern(b -> b.event(event).eventPattern("{\"source\":1}")),
                "InvalidEventPatternException",
                400);
        assertAwsError(
                () -> fixture.events.testEventPattern(
                        b -> b.event("{\"source\":\"x\"}").eventPattern(PATTERN)),
                "ValidationException",
                400);
        assertAwsError(
                () -> fixture.events.testEventPattern(b -> b.event("not json").eventPattern(PATTERN)),
                "ValidationException",
                400);
    }
}
