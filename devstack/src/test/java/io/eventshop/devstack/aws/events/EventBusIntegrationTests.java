package io.eventshop.devstack.aws.events;

import static io.eventshop.devstack.aws.events.EventBridgeFixture.assertAwsError;
import static io.eventshop.devstack.aws.events.EventBridgeFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.devstack.aws.junit.LocalAwsExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.eventbridge.model.EventBus;

@ExtendWith(LocalAwsExtension.class)
class EventBusIntegrationTests {

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
    void theDefaultBusAlwaysExists() {
        var bus = fixture.events.describeEventBus(b -> {});
        assertThat(bus.name()).isEqualTo("default");
        assertThat(bus.arn()).isEqualTo("arn:aws:events:us-east-1:000000000000:event-bus/default");
    }

    @Test
    void aCreatedBusCanBeDescribedListedAndDeleted() {
        String name = unique("orders");
        String arn = fixture.events.createEventBus(b -> b.name(name)).eventBusArn();
        assertThat(arn).isEqualTo("arn:aws:events:us-east-1:000000000000:event-bus/" + name);

        assertThat(fixture.events.describeEventBus(b -> b.name(name)).arn()).isEqualTo(arn);
        assertThat(fixture.events.describeEventBus(b -> b.name(arn)).name()).isEqualTo(name);
        assertThat(fixture.events.listEventBuses(b -> b.namePrefix(name)).eventBuses())
                .extracting(EventBus::name)
                .containsExactly(name);

        fixture.events.deleteEventBus(b -> b.name(name));
        assertAwsError(() -> fixture.events.describeEventBus(b -> b.name(name)), "ResourceNotFoundException", 400);
    }

    @Test
    void creatingABusTwiceFails() {
        String name = fixture.bus();
        assertAwsError(() -> fixture.events.createEventBus(b -> b.name(name)), "ResourceAlreadyExistsException", 400);
        assertAwsError(
                () -> fixture.events.createEventBus(b -> b.name("default")), "ResourceAlreadyExistsException", 400);
    }

    @Test
    void theDefaultBusCannotBeDeleted() {
        assertAwsError(() -> fixture.events.deleteEventBus(b -> b.name("default")), "ValidationException", 400);
    }

    @Test
    void deletingABusThatDoesNotExistIsNotAnError() {
        fixture.events.deleteEventBus(b -> b.name(unique("never-created")));
    }

    @Test
    void deletingABusDeletesItsRulesWithIt() {
        String bus = fixture.bus();
        String rule = unique("rule");
        fixture.rule(bus, rule, "{\"source\":[\"shop\"]}");

        fixture.events.deleteEventBus(b -> b.name(bus));
        fixture.events.createEventBus(b -> b.name(bus));

        assertThat(fixture.events.listRules(b -> b.eventBusName(bus)).rules()).isEmpty();
    }

    @Test
    void listEventBusesPagesWithLimitAndNextToken() {
        String prefix = unique("paged");
        for (int i = 0; i < 3; i++) {
            String name = prefix + "-" + i;
            fixture.events.createEventBus(b -> b.name(name));
        }
        List<String> names = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            var page = fixture.events.listEventBuses(
                    b -> b.namePrefix(prefix).limit(2).nextToken(next));
            page.eventBuses().forEach(bus -> names.add(bus.name()));
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(names).containsExactly(prefix + "-0", prefix + "-1", prefix + "-2");
        assertThat(pages).isEqualTo(2);
    }
}
