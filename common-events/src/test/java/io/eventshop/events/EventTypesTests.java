package io.eventshop.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.eventshop.events.payment.PaymentAuthorized;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTypesTests {

    @Test
    void registersEveryRecordOfTheSealedHierarchy() {
        List<Class<?>> registered = List.copyOf(EventTypes.all());

        assertThat(registered).containsExactlyInAnyOrderElementsOf(recordsPermittedBy(IntegrationEvent.class));
    }

    @Test
    void namesAnEventTypeByTheRecordsSimpleName() {
        assertThat(EventTypes.nameOf(PaymentAuthorized.class)).isEqualTo("PaymentAuthorized");
        assertThat(EventTypes.classOf("PaymentAuthorized")).isEqualTo(PaymentAuthorized.class);
    }

    @Test
    void mapsEveryNameBackToItsClass() {
        for (var type : EventTypes.all()) {
            assertThat(EventTypes.find(EventTypes.nameOf(type))).contains(type);
        }
    }

    @Test
    void reportsAnUnknownEventTypeByName() {
        assertThat(EventTypes.find("PaymentTeleported")).isEmpty();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EventTypes.classOf("PaymentTeleported"))
                .withMessageStartingWith("unknown event type: PaymentTeleported (known: OrderPlaced, ");
    }

    /** Walks the sealed hierarchy down to its records. */
    private static List<Class<?>> recordsPermittedBy(Class<?> type) {
        var records = new ArrayList<Class<?>>();
        if (type.isRecord()) {
            records.add(type);
        } else {
            assertThat(type.isSealed()).as("%s is sealed", type.getName()).isTrue();
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                records.addAll(recordsPermittedBy(permitted));
            }
        }
        return records;
    }
}
