package io.eventshop.devstack.aws.sns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The awsQuery parameters of one request, with the protocol's ways of flattening lists ({@code X.member.N}) and maps
 * ({@code X.entry.N.key}) undone.
 */
final class QueryParameters {

    private final Map<String, String> values;
    private final String prefix;

    QueryParameters(Map<String, String> values) {
        this(values, "");
    }

    private QueryParameters(Map<String, String> values, String prefix) {
        this.values = values;
        this.prefix = prefix;
    }

    /** The parameters under {@code name.}, such as one entry of a PublishBatch. */
    QueryParameters nested(String name) {
        return new QueryParameters(values, prefix + name + ".");
    }

    String optional(String name) {
        return values.get(prefix + name);
    }

    /** A parameter without which the action makes no sense; AWS answers its absence with InvalidParameter. */
    String required(String name) {
        String value = optional(name);
        if (value == null) {
            throw SnsException.invalidParameter("Invalid parameter: " + name);
        }
        return value;
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(optional(name));
    }

    /** The {@code name.member.1}, {@code name.member.2}, ... lists as nested parameters, in order. */
    List<QueryParameters> members(String name) {
        List<QueryParameters> members = new ArrayList<>();
        for (int i = 1; hasAny(prefix + name + ".member." + i + "."); i++) {
            members.add(nested(name + ".member." + i));
        }
        return members;
    }

    /** The {@code name.entry.N.key} / {@code .value} map, in order. */
    Map<String, String> map(String name) {
        Map<String, String> map = new LinkedHashMap<>();
        for (QueryParameters entry : entries(name)) {
            String key = entry.optional("key");
            if (key != null) {
                map.put(key, entry.optional("value") == null ? "" : entry.optional("value"));
            }
        }
        return map;
    }

    /** The {@code name.entry.1}, {@code name.entry.2}, ... entries as nested parameters, in order. */
    List<QueryParameters> entries(String name) {
        List<QueryParameters> entries = new ArrayList<>();
        for (int i = 1; hasAny(prefix + name + ".entry." + i + "."); i++) {
            entries.add(nested(name + ".entry." + i));
        }
        return entries;
    }

    private boolean hasAny(String keyPrefix) {
        for (String key : values.keySet()) {
            if (key.startsWith(keyPrefix)) {
                return true;
            }
        }
        return false;
    }
}
