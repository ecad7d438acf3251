package io.eventshop.e2e;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SQL on each service's own database: the tests' oracle sees what the services stored, all of it, rather than what
 * their APIs choose to show; and a scenario can break a service's storage on purpose.
 */
final class ServiceDatabases {

    private final RunningSystem system;
    private final Map<String, String> urls = new ConcurrentHashMap<>();

    ServiceDatabases(RunningSystem system) {
        this.system = system;
    }

    /** The rows of a query, each a map from column label to value. */
    List<Map<String, Object>> rows(String service, String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(urls.computeIfAbsent(service, system::jdbcUrl));
                var statement = connection.prepareStatement(sql)) {
            connection.setReadOnly(true);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int column = 1; column <= columns; column++) {
                        row.put(result.getMetaData().getColumnLabel(column), result.getObject(column));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query on " + service + " failed: " + sql, e);
        }
    }

    /** Runs a statement that changes a database: how the tests inject faults into a service's storage. */
    void execute(String service, String sql) {
        try (Connection connection = DriverManager.getConnection(urls.computeIfAbsent(service, system::jdbcUrl));
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("statement on " + service + " failed: " + sql, e);
        }
    }

    long count(String service, String sql, Object... parameters) {
        return ((Number) rows(service, sql, parameters)
                        .getFirst()
                        .values()
                        .iterator()
                        .next())
                .longValue();
    }

    BigDecimal sum(String service, String sql, Object... parameters) {
        Object value =
                rows(service, sql, parameters).getFirst().values().iterator().next();
        return value == null ? BigDecimal.ZERO : (BigDecimal) value;
    }
}
