package io.eventshop.notification.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.messaging.testing.ServiceHttp;
import io.eventshop.notification.NotificationServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.RestClient;

/** The REST API's answer to a request without a customer. */
@NotificationServiceIntegrationTest
class NotificationApiIntegrationTests {

    @LocalServerPort
    int port;

    private RestClient http;

    @BeforeEach
    void setUp() {
        http = ServiceHttp.on(port);
    }

    @Test
    void notificationsNeedACustomerId() {
        var missing = http.get().uri("/notifications").retrieve().toEntity(ProblemDetail.class);
        var blank = http.get().uri("/notifications?customerId= ").retrieve().toEntity(String.class);

        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        assertThat(missing.getBody().getDetail()).contains("customerId");
        assertThat(blank.getStatusCode().value()).isEqualTo(400);
        assertThat(blank.getBody()).contains("\"field\":\"customerId\"");
    }
}
