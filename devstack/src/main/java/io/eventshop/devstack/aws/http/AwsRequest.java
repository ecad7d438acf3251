package io.eventshop.devstack.aws.http;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP request to the endpoint, read in full, as the SNS and EventBridge handlers see it.
 *
 * @param uri the request target, path and query string
 * @param body the raw body
 */
public record AwsRequest(String method, String uri, HttpHeaders headers, byte[] body) {

    public String header(String name) {
        return headers.get(name);
    }

    public String path() {
        return new QueryStringDecoder(uri).path();
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The awsQuery parameters: those of the query string, then those of a form-urlencoded body. A name that
     * appears twice keeps its first value.
     */
    public Map<String, String> queryParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        addAll(parameters, new QueryStringDecoder(uri).parameters());
        String contentType = header("Content-Type");
        if (body.length > 0 && (contentType == null || contentType.startsWith("application/x-www-form-urlencoded"))) {
            addAll(
                    parameters,
                    new QueryStringDecoder(bodyAsString(), StandardCharsets.UTF_8, false, 10_000).parameters());
        }
        return parameters;
    }

    private static void addAll(Map<String, String> target, Map<String, List<String>> source) {
        source.forEach((name, values) -> {
            if (!values.isEmpty()) {
                target.putIfAbsent(name, values.getFirst());
            }
        });
    }
}
