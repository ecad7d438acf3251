package io.eventshop.devstack.aws.sns;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.NavigableMap;

/**
 * One page of a List action: at most 100 items, and a token for the rest. The token names the first item of the next
 * page, so items deleted between pages do not shift the ones after them.
 */
record Page<T>(List<T> items, String nextToken) {

    static final int SIZE = 100;

    static <T> Page<T> of(NavigableMap<String, T> all, String token) {
        NavigableMap<String, T> rest = token == null || token.isEmpty() ? all : all.tailMap(decode(token), true);
        List<T> items = new ArrayList<>();
        for (var entry : rest.entrySet()) {
            if (items.size() == SIZE) {
                return new Page<>(items, encode(entry.getKey()));
            }
            items.add(entry.getValue());
        }
        return new Page<>(items, null);
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw SnsException.invalidParameter("Invalid parameter: NextToken");
        }
    }
}
