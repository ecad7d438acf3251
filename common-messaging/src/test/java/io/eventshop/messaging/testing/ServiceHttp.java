package io.eventshop.messaging.testing;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/** HTTP to a service under test, as its clients see it. */
public final class ServiceHttp {

    private ServiceHttp() {}

    /** A client of the service on {@code port} that hands back 4xx and 5xx responses instead of throwing them. */
    public static RestClient on(int port) {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {})
                .build();
    }
}
