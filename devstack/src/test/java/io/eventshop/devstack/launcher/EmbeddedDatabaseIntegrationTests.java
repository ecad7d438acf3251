package io.eventshop.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

class EmbeddedDatabaseIntegrationTests {

    @Test
    void createsEachServicesDatabaseOnceAndServesIt() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(0, null)) {
            String first = database.database("order_service");
            String again = database.database("order_service");

            assertThat(again).isEqualTo(first);
            try (var connection = DriverManager.getConnection(first, "postgres", "postgres");
                    var result = connection.createStatement().executeQuery("select current_database()")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo("order_service");
            }
        }
    }

    @Test
    void refusesANameThatIsNotAnIdentifier() {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(0, null)) {
            assertThatThrownBy(() -> database.database("x; drop database postgres"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void refusesAPortInUseAtOnceRatherThanWaitingOnWhateverHoldsIt() throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(taken.getLocalPort(), null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " is in use");
        }
    }

    @Test
    void eachServiceHasItsOwnDatabaseNamedAfterIt() {
        assertThat(ServiceSpec.ALL)
                .extracting(ServiceSpec::database)
                .containsExactly(
                        "order_service",
                        "payment_service",
                        "inventory_service",
                        "shipping_service",
                        "notification_service");
    }
}
