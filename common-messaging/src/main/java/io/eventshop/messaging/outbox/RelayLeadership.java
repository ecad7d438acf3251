package io.eventshop.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one relay per service the active one: it holds a session-level PostgreSQL advisory lock on a connection that
 * it keeps for as long as it leads. PostgreSQL releases the lock when that session ends, so if the leading instance
 * dies, its connection closes and a stand-by instance takes the lock on its next try.
 *
 * <p>The leader checks that its connection still lives at most once a second, not at every pass of the relay (which
 * runs once per commit, per destination): a round trip per event for a check whose answer almost never changes. If
 * the connection dies between two checks, a stand-by instance may lead for up to a second beside it; an event that
 * both publish is deduplicated by SNS (its deduplication id) and by every consumer's inbox, and each publishes every
 * group in order.
 */
final class RelayLeadership {

    private static final Logger log = LoggerFactory.getLogger(RelayLeadership.class);
    private static final Duration VALIDATION_INTERVAL = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final long lockKey;
    private @Nullable Connection connection;
    private long validatedAt;

    RelayLeadership(DataSource dataSource, String serviceName) {
        this.dataSource = dataSource;
        this.lockKey = UUID.nameUUIDFromBytes(
                        ("eventshop.outbox-relay." + serviceName).getBytes(StandardCharsets.UTF_8))
                .getMostSignificantBits();
    }

    /** Whether this instance leads: it keeps the lock if it holds it, and tries to take it otherwise. */
    synchronized boolean acquire() throws SQLException {
        if (connection != null) {
            long now = System.nanoTime();
            if (now - validatedAt < VALIDATION_INTERVAL.toNanos()) {
                return true;
            }
            if (connection.isValid(5)) {
                validatedAt = now;
                return true;
            }
            log.warn("Lost the connection that held the outbox relay lock; trying to take it again");
            discard(connection);
            connection = null;
        }
        Connection candidate = dataSource.getConnection();
        try {
            candidate.setAutoCommit(true);
            if (query(candidate, "select pg_try_advisory_lock(?)")) {
                log.info("This instance now runs the outbox relay");
                connection = candidate;
                validatedAt = System.nanoTime();
                return true;
            }
        } catch (SQLException | RuntimeException e) {
            candidate.close();
            throw e;
        }
        candidate.close();
        return false;
    }

    synchronized boolean isLeader() {
        return connection != null;
    }

    /** Gives the lock back, so that a stand-by instance takes over at once. */
    synchronized void release() {
        if (connection == null) {
            return;
        }
        try {
            query(connection, "select pg_advisory_unlock(?)");
            connection.close();
        } catch (SQLException e) {
            // The connection must not go back to the pool with the lock still held on it.
            discard(connection);
        }
        connection = null;
    }

    private boolean query(Connection on, String sql) throws SQLException {
        try (PreparedStatement statement = on.prepareStatement(sql)) {
            statement.setLong(1, lockKey);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void discard(Connection broken) {
        try {
            broken.abort(Runnable::run);
        } catch (SQLException e) {
            log.debug("Could not abort a broken connection", e);
        }
    }
}
