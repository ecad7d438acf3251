package io.eventshop.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;

class TopologyTests {

    private static final String VALID_QUEUE = """
            queues:
              - name: payment-service-events.fifo
                consumer: payment-service
                fifo: true
                deduplicationScope: messageGroup
                fifoThroughputLimit: perMessageGroupId
                visibilityTimeoutSeconds: 60
                receiveWaitTimeSeconds: 20
                messageRetentionSeconds: 345600
                deadLetterQueue:
                  name: payment-service-events-dlq.fifo
                  maxReceiveCount: 3
                  messageRetentionSeconds: 1209600
                subscription:
                  topic: order-events.fifo
                  rawMessageDelivery: true
                  filterPolicy:
                    eventType: [OrderPlaced]
            """;

    private static Topology classpathTopology() {
        return Topology.read(TopologyTests.class.getResourceAsStream("/topology.yaml"));
    }

    @Test
    void theDeclaredTopologyIsOnTheClasspathAndValid() {
        Topology topology = classpathTopology();

        assertThat(topology.topics()).singleElement().satisfies(topic -> {
            assertThat(topic.name()).isEqualTo("order-events.fifo");
            assertThat(topic.fifo()).isTrue();
            assertThat(topic.contentBasedDeduplication()).isFalse();
        });
        assertThat(topology.consumers())
                .containsExactly(
                        "order-service",
                        "payment-service",
                        "inventory-service",
                        "shipping-service",
                        "notification-service");
    }

    @Test
    void eachSagaConsumerSubscribesWithRawDeliveryToExactlyTheTypesItHandles() {
        Topology topology = classpathTopology();

        assertThat(eventTypesOf(topology, "payment-service"))
                .isEqualTo(
                        "[\"OrderPlaced\",\"StockReservationFailed\",\"StockReleased\",\"OrderCancellationRequested\"]");
        assertThat(eventTypesOf(topology, "inventory-service"))
                .isEqualTo(
                        "[\"OrderPlaced\",\"PaymentAuthorized\",\"ShipmentFailed\",\"OrderCancellationRequested\",\"OrderConfirmed\"]");
        assertThat(eventTypesOf(topology, "shipping-service"))
                .isEqualTo("[\"StockReserved\",\"OrderCancellationRequested\"]");
        assertThat(topology.queueFor("order-service")
                        .subscription()
                        .filterPolicy()
                        .get("eventType"))
                .hasSize(10);
        assertThat(topology.queues())
                .filteredOn(queue -> queue.subscription() != null)
                .allSatisfy(queue ->
                        assertThat(queue.subscription().rawMessageDelivery()).isTrue());
    }

    @Test
    void everyQueueHasADeadLetterQueueOfItsTypeAfterThreeReceivesExceptPaymentsWhichRideOutAProviderOutage() {
        assertThat(classpathTopology().queues()).allSatisfy(queue -> {
            int expected = queue.consumer().equals("payment-service") ? 10 : 3;
            assertThat(queue.deadLetterQueue().maxReceiveCount())
                    .as(queue.name())
                    .isEqualTo(expected);
            assertThat(queue.deadLetterQueue().name().endsWith(".fifo")).isEqualTo(queue.fifo());
            assertThat(queue.receiveWaitTimeSeconds()).isEqualTo(20);
        });
    }

    @Test
    void notificationServiceHasAStandardQueueFedByBothRules() {
        Topology topology = classpathTopology();
        ConsumerQueue notifications = topology.queueFor("notification-service");

        assertThat(notifications.fifo()).isFalse();
        assertThat(notifications.subscription()).isNull();
        EventBus bus = topology.eventBuses().getFirst();
        assertThat(bus.name()).isEqualTo("eventshop");
        assertThat(bus.archive().retentionDays()).isZero();
        assertThat(bus.rules()).extracting(Rule::name).containsExactly("customer-outcomes", "high-value-orders");
        assertThat(bus.rules())
                .flatExtracting(Rule::targets)
                .extracting(RuleTarget::queue)
                .containsOnly(notifications.name());
        assertThat(bus.rules().get(1).eventPattern().toString())
                .isEqualTo("{\"source\":[{\"prefix\":\"eventshop.\"}],\"detail-type\":[\"OrderPlaced\"],"
                        + "\"detail\":{\"data\":{\"$or\":[{\"totalAmount\":[{\"numeric\":[\">\",100]}]},"
                        + "{\"customerId\":[{\"prefix\":\"premium-\"}]}]}}}");
    }

    @Test
    void aServiceFindsItsQueueAndADeadLetterQueueFindsItsSource() {
        Topology topology = classpathTopology();

        assertThat(topology.queueFor("shipping-service").name()).isEqualTo("shipping-service-events.fifo");
        assertThat(topology.sourceOfDeadLetterQueue("shipping-service-events-dlq.fifo"))
                .map(ConsumerQueue::consumer)
                .hasValue("shipping-service");
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> topology.queueFor("billing-service"))
                .withMessageContaining("No queue in the topology for consumer billing-service");
    }

    @Test
    void aFifoQueueWhoseNameLacksTheSuffixIsRejected() {
        assertThatExceptionOfType(InvalidTopologyException.class)
                .isThrownBy(() -> Topology.parse(topic()
                        + VALID_QUEUE.replace("name: payment-service-events.fifo", "name: payment-service-events")))
                .withMessageContaining("queue payment-service-events: a FIFO name must end in .fifo");
    }

    @Test
    void aDeadLetterQueueOfTheOtherTypeIsRejected() {
        assertThatExceptionOfType(InvalidTopologyException.class)
                .isThrownBy(() -> Topology.parse(
                        topic() + VALID_QUEUE.replace("name: payment-service-events-dlq.fifo", "name: payment-dlq")))
                .withMessageContaining("dead-letter queue payment-dlq: must be FIFO (name ending in .fifo)");
    }

    @Test
    void aFilterPolicyThatIsNotAnObjectIsRejected() {
        String yaml = topic() + VALID_QUEUE.replace("eventType: [OrderPlaced]", "- OrderPlaced");

        assertThatExceptionOfType(InvalidTopologyException.class)
                .isThrownBy(() -> Topology.parse(yaml))
                .withMessageContaining("filterPolicy must be a JSON object (was ARRAY)");
    }

    @Test
    void aSubscriptionToAnUndeclaredTopicIsRejected() {
        assertThatExceptionOfType(InvalidTopologyException.class)
                .isThrownBy(() -> Topology.parse(VALID_QUEUE))
                .withMessageContaining("subscribes to undeclared topic order-events.fifo");
    }

    @Test
    void aRuleTargetMustNameADeclaredStandardQueue() {
        String yaml = topic() + VALID_QUEUE + """
                eventBuses:
                  - name: eventshop
                    rules:
                      - name: to-nowhere
                        eventPattern: {source: [eventshop.order-service]}
                        targets:
                          - id: missing
                            queue: nowhere
                          - id: fifo
                            queue: payment-service-events.fifo
                """;

        assertThatExceptionOfType(InvalidTopologyException.class)
                .isThrownBy(() -> Topology.parse(yaml))
                .satisfies(e -> assertThat(e.problems())
                        .containsExactly(
                                "event bus eventshop rule to-nowhere target missing: names undeclared queue nowhere",
                                "event bus eventshop rule to-nowhere target fifo: queue payment-service-events.fifo"
                                        + " is FIFO; rule targets must be standard queues"
                                        + " (a FIFO target needs a message group id)"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String yaml = topic()
                + VALID_QUEUE
                        .replace("maxReceiveCount: 3", "maxReceiveCount: 0")
                        .replace("receiveWaitTimeSeconds: 20", "receiveWaitTimeSeconds: 30");

        assertThatExceptionOfType(InvalidTopologyException.class)
                .isThrownBy(() -> Topology.parse(yaml))
                .satisfies(e -> assertThat(e.problems()).hasSize(2))
                .withMessageContaining("receiveWaitTimeSeconds must be between 0 and 20 (was 30)")
                .withMessageContaining("maxReceiveCount must be between 1 and 1000 (was 0)");
    }

    @Test
    void aMissingSettingIsRejectedWithItsLocation() {
        assertThatExceptionOfType(InvalidTopologyException.class)
                .isThrownBy(() -> Topology.parse(topic().replace("contentBasedDeduplication: false", "")))
                .withMessageContaining("Topic[\"contentBasedDeduplication\"]");
    }

    @Test
    void anUnknownPropertyIsRejectedWithItsLocation() {
        assertThatExceptionOfType(InvalidTopologyException.class)
                .isThrownBy(() -> Topology.parse(topic().replace("fifo: true", "fifo: true\n    colour: blue")))
                .withMessageContaining("colour")
                .withMessageContaining("Topic");
    }

    private static String topic() {
        return """
                topics:
                  - name: order-events.fifo
                    fifo: true
                    contentBasedDeduplication: false
                """;
    }

    private static String eventTypesOf(Topology topology, String consumer) {
        return topology.queueFor(consumer)
                .subscription()
                .filterPolicy()
                .get("eventType")
                .toString();
    }
}
