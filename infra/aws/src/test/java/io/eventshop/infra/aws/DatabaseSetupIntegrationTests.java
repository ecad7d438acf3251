package io.eventshop.infra.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * database-setup/setup.sh, run with psql against a real PostgreSQL as a master login that is no superuser, as on
 * RDS: each service gets a login that owns its own database and cannot open another's, and a second run changes only
 * the passwords.
 */
class DatabaseSetupIntegrationTests {

    private static final String MASTER = "eventshop_admin";
    private static final String MASTER_PASSWORD = "master-secret";
    private static final Path SCRIPT = Path.of("database-setup/setup.sh");

    private static EmbeddedPostgres server;

    @BeforeAll
    static void startPostgres(@TempDir Path config) throws IOException, SQLException {
        // Passwords count, as on RDS: only the superuser that sets the test up is trusted without one.
        Path hba = Files.writeString(config.resolve("pg_hba.conf"), """
                host all postgres 127.0.0.1/32 trust
                host all postgres ::1/128 trust
                host all all 127.0.0.1/32 scram-sha-256
                host all all ::1/128 scram-sha-256
                """);
        server = EmbeddedPostgres.builder()
                .setServerConfig("hba_file", hba.toString())
                .start();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            // What RDS gives its master login: it may create roles and databases, but it is no superuser.
            statement.execute(
                    "CREATE ROLE " + MASTER + " LOGIN CREATEROLE CREATEDB PASSWORD '" + MASTER_PASSWORD + "'");
        }
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        server.close();
    }

    @Test
    void eachServiceGetsALoginThatOwnsItsOwnDatabaseAndNoOther() throws Exception {
        // Quotes and a backslash: the script must pass any generated password through unharmed.
        String orderPassword = "o'rder\"pass\\word";
        String paymentPassword = "payment-pass";
        runSetup(Map.of("ORDER_SERVICE_PASSWORD", orderPassword, "PAYMENT_SERVICE_PASSWORD", paymentPassword));

        try (Connection order = connect("order_service", "order_service", orderPassword);
                Statement statement = order.createStatement()) {
            statement.execute("CREATE TABLE orders (id int primary key)");
        }
        try (Connection payment = connect("payment_service", "payment_service", paymentPassword)) {
            assertThat(payment.isValid(1)).isTrue();
        }
        assertThatExceptionOfType(SQLException.class)
                .isThrownBy(() -> connect("payment_service", "order_service", orderPassword))
                .withMessageContaining("permission denied");
    }

    @Test
    void aSecondRunKeepsTheDatabasesAndTakesTheLoginsNewPasswords() throws Exception {
        runSetup(Map.of("ORDER_SERVICE_PASSWORD", "first", "PAYMENT_SERVICE_PASSWORD", "first"));
        try (Connection order = connect("order_service", "order_service", "first");
                Statement statement = order.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS kept (id int)");
        }

        runSetup(Map.of("ORDER_SERVICE_PASSWORD", "second", "PAYMENT_SERVICE_PASSWORD", "second"));

        try (Connection order = connect("order_service", "order_service", "second");
                Statement statement = order.createStatement()) {
            assertThat(statement.executeQuery("SELECT count(*) FROM kept").next())
                    .isTrue();
        }
        assertThatExceptionOfType(SQLException.class)
                .isThrownBy(() -> connect("order_service", "order_service", "first"))
                .withMessageContaining("password authentication failed");
    }

    private static void runSetup(Map<String, String> passwords) throws IOException, InterruptedException {
        ProcessBuilder setup = new ProcessBuilder("sh", SCRIPT.toString()).redirectErrorStream(true);
        Map<String, String> environment = setup.environment();
        environment.put("PGHOST", "localhost");
        environment.put("PGPORT", Integer.toString(server.getPort()));
        environment.put("PGUSER", MASTER);
        environment.put("PGPASSWORD", MASTER_PASSWORD);
        environment.put("PGDATABASE", "postgres");
        environment.put("DATABASES", "order_service payment_service");
        environment.putAll(passwords);
        Process process = setup.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("setup.sh ends within a minute")
                .isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("order_service is ready", "payment_service is ready");
    }

    private static Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + server.getPort() + "/" + database, user, password);
    }
}
