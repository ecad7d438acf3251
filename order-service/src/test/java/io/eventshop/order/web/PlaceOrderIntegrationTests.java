package io.eventshop.order.web;

import static io.eventshop.order.testing.OrderRequests.anOrderRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.events.EventEnvelope;
import io.eventshop.events.order.OrderPlaced;
import io.eventshop.events.order.ShippingAddress;
import io.eventshop.messaging.testing.SagaTopic;
import io.eventshop.messaging.testing.TestSealing;
import io.eventshop.order.testing.Catalogue;
import io.eventshop.order.testing.OrderServiceIntegrationTest;
import io.eventshop.order.testing.OrdersApi;
import io.eventshop.order.testing.OrdersApi.Response;
import io.eventshop.order.testing.SagaEvents;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/** POST /orders, GET /orders/{id} and GET /orders over HTTP, with the OrderPlaced that a subscriber receives. */
@OrderServiceIntegrationTest
class PlaceOrderIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    OrdersApi api;
    SagaTopic topic;
    SagaEvents events;

    @BeforeEach
    void setUp() {
        api = new OrdersApi(port);
        topic = new SagaTopic().collecting(SagaEvents.ORDER_EVENTS);
        events = new SagaEvents(topic);
        new Catalogue(events, jdbc).price("SKU-1001", "19.99");
        new Catalogue(events, jdbc).price("SKU-2002", "5.50");
    }

    @AfterEach
    void closeTopic() {
        topic.close();
    }

    @Test
    void placingAnOrderAnswers202WithTheOrderPricedFromTheReplicaAndPublishesOrderPlaced() {
        Response placed = api.place(
                anOrderRequest().withItem("SKU-1001", 2).withItem("SKU-2002", 1).json());

        assertThat(placed.status()).isEqualTo(202);
        UUID id = placed.id();
        assertThat(placed.headers().getLocation()).hasToString("/orders/" + id);
        assertThat(placed.text("/status")).isEqualTo("PENDING");
        assertThat(placed.body().at("/totalAmount").decimalValue()).isEqualByComparingTo("45.48");
        assertThat(placed.text("/currency")).isEqualTo("EUR");
        assertThat(placed.text("/items/0/sku")).isEqualTo("SKU-1001");
        assertThat(placed.body().at("/items/0/unitPrice").decimalValue()).isEqualByComparingTo("19.99");
        assertThat(placed.text("/saga/step")).isEqualTo("ORDER_PLACED");
        assertThat(placed.text("/saga/steps/0/name")).isEqualTo("ORDER_PLACED");
        assertThat(placed.text("/saga/steps/0/status")).isEqualTo("DONE");
        assertThat(placed.body().at("/createdAt").isMissingNode()).isFalse();

        EventEnvelope envelope = events.awaitPublished(id, OrderPlaced.class);
        OrderPlaced event = (OrderPlaced) envelope.data();
        assertThat(envelope.source()).isEqualTo("order-service");
        assertThat(envelope.correlationId()).isEqualTo(id);
        assertThat(event.customerId()).isEqualTo("c-42");
        assertThat(event.totalAmount()).isEqualByComparingTo("45.48");
        assertThat(event.currency()).isEqualTo("EUR");
        assertThat(event.sealedPaymentToken()).doesNotContain("tok_visa");
        assertThat(TestSealing.open(event.sealedPaymentToken(), id)).isEqualTo("tok_visa");
        assertThat(event.lines())
                .containsExactly(
                        new io.eventshop.events.order.OrderLine("SKU-1001", 2, new BigDecimal("19.99")),
                        new io.eventshop.events.order.OrderLine("SKU-2002", 1, new BigDecimal("5.50")));
        assertThat(event.shippingAddress()).isEqualTo(new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", "DE"));

        Response read = api.get(id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("/status")).isEqualTo("PENDING");
        assertThat(read.body().at("/cancellationReason").isNull()).isTrue();
    }

    @Test
    void anUnknownSkuIsA422ThatNamesIt() {
        Response response = api.place(
                anOrderRequest().withItem("SKU-1001", 1).withItem("SKU-NOPE", 1).json());

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.text("/detail")).contains("SKU-NOPE");
        assertThat(response.text("/errors/0/field")).isEqualTo("items[1].sku");
    }

    @Test
    void theSameIdempotencyKeyAndBodyReturnTheFirstOrder() {
        String key = UUID.randomUUID().toString();
        String body = anOrderRequest().withItem("SKU-1001", 1).json();

        Response first = api.place(body, key);
        Response retry = api.place(body, key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(retry.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.headers().getFirst("Idempotent-Replayed")).isEqualTo("false");
        assertThat(jdbc.sql("select count(*) from customer_order where id = ?")
                        .param(first.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theSameBodyWithItsFieldsInAnotherOrderIsTheSameRequest() {
        String key = UUID.randomUUID().toString();
        Response first = api.place(PlaceOrderRequestTests.IN_API_ORDER, key);

        Response retry = api.place(PlaceOrderRequestTests.SHUFFLED, key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(retry.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(jdbc.sql("select request_hash from idempotency_key where idempotency_key = ?")
                        .param(key)
                        .query(String.class)
                        .single())
                .isEqualTo(PlaceOrderRequestTests.FINGERPRINT);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsA422() {
        String key = UUID.randomUUID().toString();
        api.place(anOrderRequest().withItem("SKU-1001", 1).json(), key);

        Response reused = api.place(anOrderRequest().withItem("SKU-1001", 5).json(), key);

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.text("/errors/0/field")).isEqualTo("Idempotency-Key");
    }

    @Test
    void aMissingFieldIsA400ThatNamesIt() {
        Response response = api.place(anOrderRequest().without("paymentToken").json());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/errors/0/field")).isEqualTo("paymentToken");
    }

    @Test
    void aNegativeQuantityIsA400ThatNamesTheItem() {
        Response response = api.place(anOrderRequest().withItem("SKU-1001", -1).json());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/errors/0/field")).isEqualTo("items[0].quantity");
    }

    @Test
    void aCountryThatIsNotTwoUpperCaseLettersIsA400() {
        Response response = api.place(anOrderRequest().shippedTo("Germany").json());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/errors/0/field")).isEqualTo("shippingAddress.country");
    }

    @Test
    void malformedJsonIsA400() {
        Response response = api.place("{\"customerId\": \"c-42\", ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/errors/0/field")).isEqualTo("body");
    }

    @Test
    void aQuantityThatIsNotANumberIsA400ThatNamesIt() {
        Response response =
                api.place(anOrderRequest().withItem("SKU-1001", "two").json());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/errors/0/field")).isEqualTo("items[0].quantity");
    }

    @Test
    void aBodyThatIsNotJsonIsA415() {
        Response response = api.send(
                HttpMethod.POST,
                "/orders",
                MediaType.TEXT_PLAIN,
                anOrderRequest().json(),
                null);

        assertThat(response.status()).isEqualTo(415);
    }

    @Test
    void anUnknownOrderIsA404AndAnIdThatIsNotAUuidA400() {
        UUID unknown = UUID.randomUUID();
        Response notFound = api.get(unknown);

        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(notFound.text("/title")).isEqualTo("Not Found");
        assertThat(notFound.text("/detail")).isEqualTo("No order " + unknown);
        assertThat(notFound.text("/resource")).isEqualTo("order");
        assertThat(notFound.text("/id")).isEqualTo(unknown.toString());
        assertThat(api.cancel(unknown).status()).isEqualTo(404);
        assertThat(api.send(HttpMethod.GET, "/orders/42", null, null, null).status())
                .isEqualTo(400);
    }

    @Test
    void ordersAreListedByCustomerAndStatusPageByPage() {
        String customer = "c-" + UUID.randomUUID();
        UUID first = api.place(anOrderRequest().forCustomer(customer).json()).id();
        UUID second = api.place(anOrderRequest().forCustomer(customer).json()).id();

        Response page = api.search("customerId=" + customer + "&status=PENDING&page=0&size=1");
        Response all = api.search("customerId=" + customer);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text("/content/0/id")).isEqualTo(second.toString());
        assertThat(page.body().at("/totalElements").asLong()).isEqualTo(2);
        assertThat(page.body().at("/totalPages").asLong()).isEqualTo(2);
        assertThat(all.body().at("/content").size()).isEqualTo(2);
        assertThat(all.text("/content/1/id")).isEqualTo(first.toString());
        assertThat(api.search("status=NEEDS_ATTENTION&customerId=" + customer)
                        .body()
                        .at("/content")
                        .size())
                .isZero();
        assertThat(api.search("status=LOST").status()).isEqualTo(400);
        assertThat(api.search("size=0").status()).isEqualTo(400);
    }
}
