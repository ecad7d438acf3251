package io.eventshop.devstack.aws.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An HTTP response of the endpoint: from SQS (ElasticMQ), SNS, EventBridge or the devstack's pages. */
public record AwsResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    public static AwsResponse xml(int status, String xml) {
        return new AwsResponse(status, "text/xml", xml.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static AwsResponse json(int status, String contentType, String json) {
        return new AwsResponse(status, contentType, json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** An error in AWS's JSON protocols, {@code {"__type": ..., "message": ...}}, with both strings escaped. */
    public static AwsResponse jsonError(int status, String contentType, String type, String message) {
        var encoder = JsonStringEncoder.getInstance();
        return json(
                status,
                contentType,
                "{\"__type\":\"" + new String(encoder.quoteAsString(type)) + "\",\"message\":\""
                        + new String(encoder.quoteAsString(message)) + "\"}");
    }

    public AwsResponse withHeader(String name, String value) {
        var all = new java.util.LinkedHashMap<>(headers);
        all.put(name, value);
        return new AwsResponse(status, contentType, body, Map.copyOf(all));
    }
}
