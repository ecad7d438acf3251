package io.eventshop.devstack.aws.events;

import static io.eventshop.devstack.aws.events.EventBridgeFixture.assertAwsError;
import static io.eventshop.devstack.aws.events.EventBridgeFixture.entry;
import static io.eventshop.devstack.aws.events.EventBridgeFixture.json;
import static io.eventshop.devstack.aws.events.EventBridgeFixture.target;
import static io.eventshop.devstack.aws.events.EventBridgeFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.devstack.aws.junit.LocalAwsExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

@ExtendWith(LocalAwsExtension.class)
class PutEventsIntegrationTests {

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
    void theDeliveredEventHasEveryFieldOfAnEventBridgeEvent() {
        var queue = fixture.queue("whole");
        fixture.rule(bus, unique("rule"), "{\"source\":[\"shop.orders\"]}", target("q", queue));

        String eventId = fixture.put(
                        entry(bus, "shop.orders", "OrderPlaced", "{\"orderId\":\"o-1\",\"total\":42}").toBuilder()
                                .resources("arn:aws:shop:order/o-1")
                                .time(Instant.parse("2024-05-01T10:20:30.456Z"))
                                .build())
                .getFirst();

        JsonNode event = json(fixture.bodies(queue, 1).getFirst());
        assertThat(event.properties())
                .extracting(java.util.Map.Entry::getKey)
                .containsExactly(
                        "version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail");
        assertThat(event.path("version").asText()).isEqualTo("0");
        assertThat(event.path("id").asText()).isEqualTo(eventId);
        assertThat(event.path("detail-type").asText()).isEqualTo("OrderPlaced");
        assertThat(event.path("source").asText()).isEqualTo("shop.orders");
        assertThat(event.path("account").asText()).isEqualTo("000000000000");
        assertThat(event.path("time").asText()).isEqualTo("2024-05-01T10:20:30Z");
        assertThat(event.path("region").asText()).isEqualTo("us-east-1");
        assertThat(event.path("resources").get(0).asText()).isEqualTo("arn:aws:shop:order/o-1");
        assertThat(event.path("detail")).isEqualTo(json("{\"orderId\":\"o-1\",\"total\":42}"));
    }

    @Test
    void withoutATimeTheEventTakesTheTimeOfThePut() {
        var queue = fixture.queue("now");
        fixture.rule(bus, unique("rule"), "{\"source\":[\"shop.orders\"]}", target("q", queue));
        Instant before = Instant.now().minusSeconds(1);

        fixture.put(entry(bus, "shop.orders", "OrderPlaced", "{}"));

        Instant time = Instant.parse(
                json(fixture.bodies(queue, 1).getFirst()).path("time").asText());
        assertThat(time).isBetween(before, Instant.now().plusSeconds(1));
    }

    @Test
    void eachEntryIsValidatedOnItsOwnAndAnsweredInRequestOrder() {
        var queue = fixture.queue("valid");
        fixture.rule(bus, unique("rule"), "{\"source\":[\"shop.orders\"]}", target("q", queue));
        var valid = entry(bus, "shop.orders", "OrderPlaced", "{\"n\":1}");

        var response = fixture.events.putEvents(b -> b.entries(
                valid,
                valid.toBuilder().source(null).build(),
                valid.toBuilder().detailType(null).build(),
                valid.toBuilder().detail(null).build(),
                valid.toBuilder().detail("[1,2]").build(),
                valid.toBuilder().detail("{not json").build(),
                valid.toBuilder().detailType("x".repeat(129)).build(),
                valid.toBuilder().eventBusName(unique("no-bus")).build(),
                valid.toBuilder().detail("{\"n\":2}").build()));

        assertThat(response.failedEntryCount()).isEqualTo(7);
        assertThat(response.entries())
                .extracting(PutEventsResultEntry::errorCode)
                .containsExactly(
                        null,
                        "InvalidArgument",
                        "InvalidArgument",
                        "InvalidArgument",
                        "MalformedDetail",
                        "MalformedDetail",
                        "InvalidArgument",
                        "ResourceNotFoundException",
                        null);
        assertThat(response.entries().get(1).errorMessage()).contains("Source");
        assertThat(response.entries().get(0).eventId()).isNotBlank();
        assertThat(response.entries().get(8).eventId()).isNotBlank();
        assertThat(fixture.bodies(queue, 2))
                .extracting(body -> json(body).path("detail").path("n").asInt())
                .containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void aRequestNeedsOneToTenEntries() {
        assertAwsError(() -> fixture.events.putEvents(b -> b.entries(List.of())), "ValidationException", 400);
        List<PutEventsRequestEntry> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(entry(bus, "shop", "Thing", "{}"));
        }
        assertAwsError(() -> fixture.events.putEvents(b -> b.entries(eleven)), "ValidationException", 400);
    }

    @Test
    void aRequestOver256KilobytesIsRefused() {
        String big = "{\"data\":\"" + "x".repeat(200 * 1024) + "\"}";
        assertAwsError(
                () -> fixture.events.putEvents(
                        b -> b.entries(entry(bus, "shop", "Big", big), entry(bus, "shop", "Big", big))),
                "ValidationException",
                400);
    }

    @Test
    void rulesRouteByNumericRangePrefixAndOr() {
        var bigOrders = fixture.queue("big");
        var euOrders = fixture.queue("eu");
        var flagged = fixture.queue("flagged");
        fixture.rule(
                bus, unique("big"), "{\"detail\":{\"total\":[{\"numeric\":[\">\",100]}]}}", target("q", bigOrders));
        fixture.rule(bus, unique("eu"), "{\"detail\":{\"country\":[{\"prefix\":\"EU-\"}]}}", target("q", euOrders));
        fixture.rule(
                bus,
                unique("flagged"),
                "{\"$or\":[{\"detail\":{\"vip\":[true]}},{\"detail-type\":[\"OrderDisputed\"]}]}",
                target("q", flagged));

        fixture.put(
                entry(bus, "shop.orders", "OrderPlaced", "{\"id\":1,\"total\":150,\"country\":\"US-CA\"}"),
                entry(bus, "shop.orders", "OrderPlaced", "{\"id\":2,\"total\":100,\"country\":\"EU-DE\"}"),
                entry(bus, "shop.orders", "OrderPlaced", "{\"id\":3,\"total\":\"500\",\"vip\":true}"),
                entry(bus, "shop.orders", "OrderDisputed", "{\"id\":4,\"total\":5}"));

        assertThat(ids(fixture.bodies(bigOrders, 1))).containsExactly(1);
        assertThat(ids(fixture.bodies(euOrders, 1))).containsExactly(2);
        assertThat(ids(fixture.bodies(flagged, 2))).containsExactlyInAnyOrder(3, 4);
    }

    @Test
    void eventsWithoutABusGoToTheDefaultBus() {
        var queue = fixture.queue("default");
        String source = unique("shop.default");
        String rule = unique("rule");
        fixture.rule("default", rule, "{\"source\":[\"" + source + "\"]}", target("q", queue));
        try {
            fixture.put(PutEventsRequestEntry.builder()
                    .source(source)
                    .detailType("Thing")
                    .detail("{}")
                    .build());
            assertThat(fixture.bodies(queue, 1)).hasSize(1);
        } finally {
            fixture.events.deleteRule(b -> b.name(rule).force(true));
        }
    }

    @Test
    void aBusCanBeNamedByItsArn() {
        var queue = fixture.queue("by-arn");
        fixture.rule(bus, unique("rule"), "{\"source\":[\"shop\"]}", target("q", queue));
        String arn = fixture.events.describeEventBus(b -> b.name(bus)).arn();

        fixture.put(entry(arn, "shop", "Thing", "{}"));

        assertThat(fixture.bodies(queue, 1)).hasSize(1);
    }

    private static List<Integer> ids(List<String> bodies) {
        return bodies.stream()
                .map(body -> json(body).path("detail").path("id").asInt())
                .toList();
    }
}
