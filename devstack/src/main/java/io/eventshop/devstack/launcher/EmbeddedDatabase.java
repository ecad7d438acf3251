package io.eventshop.devstack.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * PostgreSQL, embedded: the real server binaries, started from Java, with one database per service. The user and
 * password are both {@code postgres}.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres server;

    private EmbeddedDatabase(EmbeddedPostgres server) {
        this.server = server;
    }

    /**
     * Starts a server that stops by itself when the JVM exits, if it has not been closed before.
     *
     * @param port the port, or 0 for a free one
     * @param dataDirectory where the data lives, or null for a fresh temporary directory
     */
    public static EmbeddedDatabase start(int port, Path dataDirectory) {
        return start(port, dataDirectory, true);
    }

    /**
     * Starts a server.
     *
     * @param port the port, or 0 for a free one
     * @param dataDirectory where the data lives, or null for a fresh temporary directory
     * @param stopOnExit whether the server stops by itself when the JVM exits. A launcher that stops its services in a
     *     shutdown hook passes false and closes the server itself afterwards: shutdown hooks run all at once, and the
     *     services' last database work (the relay's, the listener's) would fail against a server already gone.
     */
    public static EmbeddedDatabase start(int port, Path dataDirectory, boolean stopOnExit) {
        if (port != 0) {
            requireFree(port);
        }
        try {
            var builder = EmbeddedPostgres.builder().setPort(port).setRegisterShutdownHook(stopOnExit);
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            return new EmbeddedDatabase(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL on port " + port, e);
        }
    }

    /**
     * Fails at once if the port is taken. Otherwise the server would fail to bind, and the wait for it would connect
     * to whatever holds the port: another PostgreSQL, which answers for it, or something else, which may never answer.
     */
    private static void requireFree(int port) {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException(
                    "could not start embedded PostgreSQL: port " + port + " is in use (a local PostgreSQL?)", e);
        }
    }

    public int port() {
        return server.getPort();
    }

    /** Creates the database unless it exists, and returns its JDBC URL. */
    public String database(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a database name: " + name);
        }
        try (Connection connection = server.getPostgresDatabase().getConnection();
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            if (!exists.executeQuery().next()) {
                connection.createStatement().execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return server.getJdbcUrl("postgres", name);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop embedded PostgreSQL", e);
        }
    }
}
