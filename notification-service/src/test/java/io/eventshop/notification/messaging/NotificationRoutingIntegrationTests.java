package io.eventshop.notification.messaging;

import static io.eventshop.notification.messaging.CustomerEvents.aCustomer;
import static io.eventshop.notification.messaging.CustomerEvents.aPremiumCustomer;
import static io.eventshop.notification.messaging.CustomerEvents.anOrderPlaced;
import static io.eventshop.notification.messaging.CustomerEvents.envelope;
import static io.eventshop.notification.messaging.CustomerEvents.orderConfirmed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.events.EventEnvelope;
import io.eventshop.events.EventJson;
import io.eventshop.events.notification.CustomerNotified;
import io.eventshop.messaging.testing.SagaBus;
import io.eventshop.notification.NotificationServiceIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * Events put on the bus {@code eventshop} reach notification-service only through the rules of infra/topology.yaml,
 * and each one that does becomes one notification, shown by {@code GET /notifications}, and one CustomerNotified in the
 * outbox.
 */
@NotificationServiceIntegrationTest
class NotificationRoutingIntegrationTests {

    private static final Duration EVENTUALLY = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static final String QUEUE = "notification-service-events";

    private SagaBus bus;
    private RestClient http;

    @BeforeEach
    void setUp() {
        bus = new SagaBus();
        http = RestClient.create("http://localhost:" + port);
    }

    @AfterEach
    void tearDown() {
        bus.close();
    }

    @Test
    void aConfirmedOrderBecomesOneNormalNotificationAndCustomerNotifiedIsPublished() {
        String customer = aCustomer();
        EventEnvelope confirmed = envelope(orderConfirmed(customer));

        bus.put(confirmed);

        Map<String, Object> notification = awaitNotifications(customer, 1).getFirst();
        assertThat(notification)
                .containsEntry("orderId", confirmed.orderId().toString())
                .containsEntry("type", "OrderConfirmed")
                .containsEntry("priority", "NORMAL");
        assertThat((String) notification.get("message"))
                .contains("Your order " + confirmed.orderId() + " is confirmed");
        CustomerNotified published = publishedCustomerNotified(confirmed.orderId());
        assertThat(published.customerId()).isEqualTo(customer);
        assertThat(published.notificationId().toString()).isEqualTo(notification.get("id"));
        assertThat(published.priority()).isEqualTo("NORMAL");
    }

    @Test
    void anOrderOverOneHundredGetsAPriorityConfirmation() {
        String customer = aCustomer();

        bus.put(envelope(anOrderPlaced().by(customer).totalling("150.00").event()));

        assertThat(awaitNotifications(customer, 1).getFirst())
                .containsEntry("type", "OrderPlaced")
                .containsEntry("priority", "PRIORITY");
    }

    @Test
    void anOrderOfTwentyFromAPremiumCustomerGetsAPriorityConfirmation() {
        String customer = aPremiumCustomer();

        bus.put(envelope(anOrderPlaced().by(customer).totalling("20.00").event()));

        assertThat(awaitNotifications(customer, 1).getFirst()).containsEntry("priority", "PRIORITY");
    }

    @Test
    void anOrderOfTwentyFromAnOrdinaryCustomerIsNotRoutedHere() {
        String customer = aCustomer();

        bus.put(envelope(anOrderPlaced().by(customer).totalling("20.00").event()));
        bus.put(envelope(orderConfirmed(customer)));

        // Rules route at PutEvents: once the later event is handled and the queue is empty, nothing else is coming.
        awaitNotifications(customer, 1);
        await().atMost(EVENTUALLY).until(() -> bus.messagesIn(QUEUE) == 0);
        assertThat(notifications(customer)).extracting(n -> n.get("type")).containsExactly("OrderConfirmed");
    }

    @Test
    void theSameEventDeliveredTwiceIsNotifiedOnce() {
        String customer = aCustomer();
        EventEnvelope confirmed = envelope(orderConfirmed(customer));

        bus.put(confirmed);
        bus.put(confirmed);

        awaitNotifications(customer, 1);
        await().atMost(EVENTUALLY).until(() -> bus.messagesIn(QUEUE) == 0);
        assertThat(notifications(customer)).hasSize(1);
    }

    private List<Map<String, Object>> awaitNotifications(String customerId, int count) {
        return await().atMost(EVENTUALLY).until(() -> notifications(customerId), list -> list.size() >= count);
    }

    private List<Map<String, Object>> notifications(String customerId) {
        return http.get()
                .uri("/notifications?customerId={customerId}", customerId)
                .retrieve()
                .body(new ParameterizedTypeReference<>() {});
    }

    private CustomerNotified publishedCustomerNotified(UUID orderId) {
        String payload = jdbc.sql(
                        "select payload from outbox_event where event_type = 'CustomerNotified' and ordering_key = ?")
                .param(orderId.toString())
                .query(String.class)
                .single();
        return (CustomerNotified) new EventJson().read(payload).data();
    }
}
