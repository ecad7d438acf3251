package io.eventshop.devstack.aws.events;

import java.util.List;

/**
 * One page of a list operation. The {@code NextToken} is the index of the first item of the next page: the lists are
 * sorted by name, so a page stays stable while nothing is added or removed.
 */
record Page<T>(List<T> items, String nextToken) {

    private static final int DEFAULT_LIMIT = 100;

    static <T> Page<T> of(List<T> sorted, JsonInput input) {
        int from = 0;
        String token = input.optional("NextToken");
        if (token != null) {
            try {
                from = Integer.parseInt(token);
            } catch (NumberFormatException e) {
                throw EventBridgeException.validation("The NextToken is not valid.");
            }
        }
        int limit = input.body().path("Limit").asInt(DEFAULT_LIMIT);
        if (limit < 1 || limit > DEFAULT_LIMIT || from < 0) {
            throw EventBridgeException.validation("Limit must be between 1 and 100.");
        }
        int to = Math.min(sorted.size(), from + limit);
        if (from >= to) {
            return new Page<>(List.of(), null);
        }
        return new Page<>(sorted.subList(from, to), to < sorted.size() ? Integer.toString(to) : null);
    }
}
