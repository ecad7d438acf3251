package io.eventshop.devstack.aws.events;

import static io.eventshop.devstack.aws.events.EventBridgeFixture.assertAwsError;
import static io.eventshop.devstack.aws.events.EventBridgeFixture.entry;
import static io.eventshop.devstack.aws.events.EventBridgeFixture.json;
import static io.eventshop.devstack.aws.events.EventBridgeFixture.target;
import static io.eventshop.devstack.aws.events.EventBridgeFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.devstack.aws.junit.LocalAwsExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.eventbridge.model.Archive;
import software.amazon.awssdk.services.eventbridge.model.ArchiveState;
import software.amazon.awssdk.services.eventbridge.model.ReplayDestination;
import software.amazon.awssdk.services.eventbridge.model.ReplayState;

@ExtendWith(LocalAwsExtension.class)
class ArchiveReplayIntegrationTests {

    private static final String ANY_SHOP_EVENT = "{\"source\":[{\"prefix\":\"shop.\"}]}";

    private EventBridgeFixture fixture;
    private String bus;
    private String busArn;

    @BeforeEach
    void connect(LocalAwsEndpoint endpoint) {
        fixture = new EventBridgeFixture(endpoint);
        bus = fixture.bus();
        busArn = fixture.events.describeEventBus(b -> b.name(bus)).arn();
    }

    @AfterEach
    void disconnect() {
        fixture.close();
    }

    @Test
    void anArchiveKeepsTheEventsOfItsBusThatMatchItsPattern() {
        String name = unique("archive");
        var created = fixture.events.createArchive(b -> b.archiveName(name)
                .eventSourceArn(busArn)
                .eventPattern("{\"source\":[\"shop.orders\"]}")
                .description("orders only"));
        assertThat(created.archiveArn()).isEqualTo("arn:aws:events:us-east-1:000000000000:archive/" + name);
        assertThat(created.state()).isEqualTo(ArchiveState.ENABLED);
        assertThat(created.creationTime()).isNotNull();

        fixture.put(
                entry(bus, "shop.orders", "OrderPlaced", "{}"),
                entry(bus, "shop.payments", "PaymentTaken", "{}"),
                entry(bus, "shop.orders", "OrderShipped", "{}"));

        var archive = fixture.events.describeArchive(b -> b.archiveName(name));
        assertThat(archive.eventCount()).isEqualTo(2);
        assertThat(archive.sizeBytes()).isPositive();
        assertThat(archive.eventSourceArn()).isEqualTo(busArn);
        assertThat(archive.eventPattern()).isEqualTo("{\"source\":[\"shop.orders\"]}");
        assertThat(archive.retentionDays()).isZero();
        assertThat(archive.description()).isEqualTo("orders only");
    }

    @Test
    void archivesCanBeListedAndDeleted() {
        String name = unique("listed");
        fixture.events.createArchive(
                b -> b.archiveName(name).eventSourceArn(busArn).retentionDays(7));

        assertThat(fixture.events.listArchives(b -> b.namePrefix(name)).archives())
                .extracting(Archive::archiveName, Archive::retentionDays, Archive::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(name, 7, ArchiveState.ENABLED));
        assertThat(fixture.events.listArchives(b -> b.eventSourceArn(busArn)).archives())
                .extracting(Archive::archiveName)
                .containsExactly(name);

        fixture.events.deleteArchive(b -> b.archiveName(name));
        assertAwsError(
                () -> fixture.events.describeArchive(b -> b.archiveName(name)), "ResourceNotFoundException", 400);
        assertAwsError(() -> fixture.events.deleteArchive(b -> b.archiveName(name)), "ResourceNotFoundException", 400);
    }

    @Test
    void archiveErrorsAreAwsErrors() {
        String name = unique("archive");
        fixture.events.createArchive(b -> b.archiveName(name).eventSourceArn(busArn));

        assertAwsError(
                () -> fixture.events.createArchive(b -> b.archiveName(name).eventSourceArn(busArn)),
                "ResourceAlreadyExistsException",
                400);
        assertAwsError(
                () -> fixture.events.createArchive(b -> b.archiveName(unique("archive"))
                        .eventSourceArn("arn:aws:events:us-east-1:000000000000:event-bus/" + unique("no-bus"))),
                "ResourceNotFoundException",
                400);
        assertAwsError(
                () -> fixture.events.createArchive(b ->
                        b.archiveName(unique("archive")).eventSourceArn(busArn).eventPattern("[1]")),
                "InvalidEventPatternException",
                400);
    }

    @Test
    void aReplayRedeliversArchivedEventsInOrderWithTheirReplayNameAndDoesNotArchiveThemAgain() {
        var queue = fixture.queue("replayed");
        fixture.rule(bus, unique("rule"), ANY_SHOP_EVENT, target("q", queue));
        String archiveName = unique("archive");
        String archiveArn = fixture.events
                .createArchive(b -> b.archiveName(archiveName).eventSourceArn(busArn))
                .archiveArn();
        Instant start = Instant.now().minusSeconds(5);
        List<String> ids = fixture.put(
                entry(bus, "shop.orders", "OrderPlaced", "{\"n\":1}"),
                entry(bus, "shop.orders", "OrderPlaced", "{\"n\":2}"),
                entry(bus, "shop.orders", "OrderPlaced", "{\"n\":3}"));
        assertThat(fixture.bodies(queue, 3))
                .allSatisfy(body -> assertThat(json(body).has("replay-name")).isFalse());
        Instant end = Instant.now().plusSeconds(5);

        String replayName = unique("replay");
        var started = fixture.events.startReplay(b -> b.replayName(replayName)
                .eventSourceArn(archiveArn)
                .eventStartTime(start)
                .eventEndTime(end)
                .destination(ReplayDestination.builder().arn(busArn).build()));
        assertThat(started.replayArn()).isEqualTo("arn:aws:events:us-east-1:000000000000:replay/" + replayName);
        assertThat(started.state()).isEqualTo(ReplayState.STARTING);
        assertThat(started.replayStartTime()).isNotNull();

        awaitCompleted(replayName);
        var replayed =
                fixture.bodies(queue, 3).stream().map(EventBridgeFixture::json).toList();
        assertThat(replayed).extracting(e -> e.path("replay-name").asText()).containsOnly(replayName);
        assertThat(replayed).extracting(e -> e.path("id").asText()).containsExactlyElementsOf(ids);
        assertThat(replayed).extracting(e -> e.path("detail").path("n").asInt()).containsExactly(1, 2, 3);
        assertThat(fixture.events
                        .describeArchive(b -> b.archiveName(archiveName))
                        .eventCount())
                .isEqualTo(3);

        var described = fixture.events.describeReplay(b -> b.replayName(replayName));
        assertThat(described.replayArn()).isEqualTo(started.replayArn());
        assertThat(described.eventSourceArn()).isEqualTo(archiveArn);
        assertThat(described.destination().arn()).isEqualTo(busArn);
        assertThat(described.eventStartTime()).isEqualTo(start.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(described.eventEndTime()).isEqualTo(end.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(described.eventLastReplayedTime()).isNotNull();
        assertThat(described.replayEndTime()).isAfterOrEqualTo(described.replayStartTime());
        assertThat(fixture.events.listReplays(b -> b.namePrefix(replayName)).replays())
                .singleElement()
                .satisfies(r -> assertThat(r.state()).isEqualTo(ReplayState.COMPLETED));

        assertAwsError(
                () -> fixture.events.startReplay(b -> b.replayName(replayName)
                        .eventSourceArn(archiveArn)
                        .eventStartTime(start)
                        .eventEndTime(end)
                        .destination(ReplayDestination.builder().arn(busArn).build())),
                "ResourceAlreadyExistsException",
                400);
    }

    @Test
    void aReplayWithFilterArnsGoesOnlyToThoseRules() {
        var chosen = fixture.queue("chosen");
        var other = fixture.queue("other");
        String chosenRule = fixture.rule(bus, unique("chosen"), ANY_SHOP_EVENT, target("q", chosen));
        fixture.rule(bus, unique("other"), ANY_SHOP_EVENT, target("q", other));
        String archiveArn = fixture.events
                .createArchive(b -> b.archiveName(unique("archive")).eventSourceArn(busArn))
                .archiveArn();
        Instant start = Instant.now().minusSeconds(5);
        fixture.put(entry(bus, "shop.orders", "OrderPlaced", "{}"));
        fixture.receive(chosen, 1);
        fixture.receive(other, 1);

        String replayName = unique("replay");
        fixture.events.startReplay(b -> b.replayName(replayName)
                .eventSourceArn(archiveArn)
                .eventStartTime(start)
                .eventEndTime(Instant.now().plusSeconds(5))
                .destination(ReplayDestination.builder()
                        .arn(busArn)
                        .filterArns(chosenRule)
                        .build()));
        awaitCompleted(replayName);

        assertThat(fixture.bodies(chosen, 1)).hasSize(1);
        fixture.assertEmpty(other);
    }

    @Test
    void aReplayToAFifoTargetIsNotDroppedAsADuplicate() {
        var queue = fixture.fifoQueue("replayed");
        fixture.rule(
                bus,
                unique("rule"),
                ANY_SHOP_EVENT,
                target("q", queue).toBuilder()
                        .sqsParameters(p -> p.messageGroupId("orders"))
                        .build());
        String archiveArn = fixture.events
                .createArchive(b -> b.archiveName(unique("archive")).eventSourceArn(busArn))
                .archiveArn();
        Instant start = Instant.now().minusSeconds(5);
        String eventId =
                fixture.put(entry(bus, "shop.orders", "OrderPlaced", "{}")).getFirst();
        fixture.receive(queue, 1);

        String replayName = unique("replay");
        fixture.events.startReplay(b -> b.replayName(replayName)
                .eventSourceArn(archiveArn)
                .eventStartTime(start)
                .eventEndTime(Instant.now().plusSeconds(5))
                .destination(ReplayDestination.builder().arn(busArn).build()));
        awaitCompleted(replayName);

        var replayed = json(fixture.bodies(queue, 1).getFirst());
        assertThat(replayed.path("id").asText()).isEqualTo(eventId);
        assertThat(replayed.path("replay-name").asText()).isEqualTo(replayName);
    }

    @Test
    void aCompletedReplayCannotBeCancelled() {
        String archiveArn = fixture.events
                .createArchive(b -> b.archiveName(unique("archive")).eventSourceArn(busArn))
                .archiveArn();
        String replayName = unique("replay");
        fixture.events.startReplay(b -> b.replayName(replayName)
                .eventSourceArn(archiveArn)
                .eventStartTime(Instant.now().minusSeconds(60))
                .eventEndTime(Instant.now())
                .destination(ReplayDestination.builder().arn(busArn).build()));
        awaitCompleted(replayName);

        assertAwsError(() -> fixture.events.cancelReplay(b -> b.replayName(replayName)), "IllegalStatusException", 400);
    }

    @Test
    void replayErrorsAreAwsErrors() {
        String archiveArn = fixture.events
                .createArchive(b -> b.archiveName(unique("archive")).eventSourceArn(busArn))
                .archiveArn();
        Instant now = Instant.now();

        assertAwsError(
                () -> fixture.events.startReplay(b -> b.replayName(unique("replay"))
                        .eventSourceArn(archiveArn)
                        .eventStartTime(now)
                        .eventEndTime(now.minusSeconds(60))
                        .destination(ReplayDestination.builder().arn(busArn).build())),
                "ValidationException",
                400);
        assertAwsError(
                () -> fixture.events.startReplay(b -> b.replayName(unique("replay"))
                        .eventSourceArn("arn:aws:events:us-east-1:000000000000:archive/" + unique("missing"))
                        .eventStartTime(now.minusSeconds(60))
                        .eventEndTime(now)
                        .destination(ReplayDestination.builder().arn(busArn).build())),
                "ResourceNotFoundException",
                400);
        assertAwsError(
                () -> fixture.events.describeReplay(b -> b.replayName(unique("missing"))),
                "ResourceNotFoundException",
                400);
    }

    private void awaitCompleted(String replayName) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fixture.events
                                .describeReplay(b -> b.replayName(replayName))
                                .state()
                        == ReplayState.COMPLETED);
    }
}
