package io.eventshop.payment.integration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulated payment provider's console, as a real provider's dashboard would be: its ledger (the money that
 * moved), and the faults it simulates, which the fault-injection tests and the demo change while the service runs.
 */
@RestController
@RequestMapping("/simulated-provider")
class SimulatedProviderController {

    private final SimulatedPaymentProvider provider;

    SimulatedProviderController(SimulatedPaymentProvider provider) {
        this.provider = provider;
    }

    /** How often calls fail before the provider acts, and hang after it has acted. */
    record FaultsRequest(
            @NotNull @DecimalMin("0") @DecimalMax("1") Double failureRate,
            @NotNull @DecimalMin("0") @DecimalMax("1") Double timeoutRate) {}

    @GetMapping("/ledger")
    SimulatedPaymentProvider.Ledger ledger() {
        return provider.ledger();
    }

    @GetMapping("/faults")
    SimulatedPaymentProvider.Faults faults() {
        return provider.faults();
    }

    @PutMapping("/faults")
    SimulatedPaymentProvider.Faults simulate(@Valid @RequestBody FaultsRequest request) {
        provider.simulate(new SimulatedPaymentProvider.Faults(request.failureRate(), request.timeoutRate()));
        return provider.faults();
    }
}
