package io.eventshop.devstack.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An HTTP response from one of the endpoint's own services (SNS, EventBridge, the devstack's pages). */
public record AwsResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    public static AwsResponse xml(int status, String xml) {
        return new AwsResponse(status, "text/xml", xml.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static AwsResponse json(int status, String contentType, String json) {
        return new AwsResponse(status, contentType, json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public AwsResponse withHeader(String name, String value) {
        var all = new java.util.LinkedHashMap<>(headers);
        all.put(name, value);
        return new AwsResponse(status, contentType, body, Map.copyOf(all));
    }
}
