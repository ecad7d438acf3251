package io.eventshop.order.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.jspecify.annotations.Nullable;

/**
 * Counts the SQL statements that Hibernate prepares on the current thread while a test records them: Hibernate calls
 * this inspector for every statement it sends, JPQL or native. Recording per thread keeps out the statements of the
 * listener, the relay and the deadline job, which run on threads of their own in the same application.
 */
public final class Statements implements StatementInspector {

    private static final ThreadLocal<@Nullable List<String>> RECORDING = new ThreadLocal<>();

    /** What {@code action} returned, and the statements Hibernate prepared for it. */
    public record Recorded<T>(T result, List<String> statements) {}

    public static <T> Recorded<T> recordedDuring(Supplier<T> action) {
        List<String> statements = new ArrayList<>();
        RECORDING.set(statements);
        try {
            T result = action.get();
            return new Recorded<>(result, List.copyOf(statements));
        } finally {
            RECORDING.remove();
        }
    }

    @Override
    public String inspect(String sql) {
        List<String> statements = RECORDING.get();
        if (statements != null) {
            statements.add(sql);
        }
        return sql;
    }
}
