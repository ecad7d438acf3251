package io.eventshop.shipping.shipment.application;

import io.eventshop.shipping.shipment.domain.ShipmentId;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No shipment has the id: answered with 404 Not Found. */
public class ShipmentNotFoundException extends ErrorResponseException {

    public ShipmentNotFoundException(ShipmentId id) {
        super(HttpStatus.NOT_FOUND, problem(id), null);
    }

    private static ProblemDetail problem(ShipmentId id) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No shipment has the id " + id.value() + ".");
        problem.setTitle("Shipment not found");
        problem.setProperties(Map.of("id", id.value()));
        return problem;
    }
}
