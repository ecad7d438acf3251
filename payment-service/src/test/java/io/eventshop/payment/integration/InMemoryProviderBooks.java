package io.eventshop.payment.integration;

import io.eventshop.payment.application.PaymentProvider.Authorization;
import io.eventshop.payment.domain.Money;
import io.eventshop.payment.integration.SimulatedPaymentProvider.Ledger;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The simulated provider's books in memory, for the unit tests of its behaviour. */
final class InMemoryProviderBooks implements ProviderBooks {

    private record Entry(Authorization answer, String token, Money amount) {}

    private final Map<String, Entry> authorizations = new ConcurrentHashMap<>();
    private final Map<String, Money> refunds = new ConcurrentHashMap<>();
    private final Map<String, Integer> refusals = new ConcurrentHashMap<>();

    @Override
    public Optional<Authorization> authorization(String idempotencyKey) {
        return Optional.ofNullable(authorizations.get(idempotencyKey)).map(Entry::answer);
    }

    @Override
    public Authorization recordAuthorization(String idempotencyKey, Authorization answer, String token, Money amount) {
        return authorizations
                .computeIfAbsent(idempotencyKey, key -> new Entry(answer, token, amount))
                .answer();
    }

    @Override
    public Optional<String> tokenOf(String paymentReference) {
        return authorizations.values().stream()
                .filter(entry -> entry.answer() instanceof Authorization.Approved approved
                        && approved.reference().equals(paymentReference))
                .map(Entry::token)
                .findFirst();
    }

    @Override
    public int countRefusal(String paymentReference) {
        return refusals.merge(paymentReference, 1, Integer::sum);
    }

    @Override
    public boolean refunded(String idempotencyKey) {
        return refunds.containsKey(idempotencyKey);
    }

    @Override
    public void recordRefund(String idempotencyKey, String paymentReference, Money amount) {
        refunds.putIfAbsent(idempotencyKey, amount);
    }

    @Override
    public Ledger ledger() {
        var charges = authorizations.values().stream()
                .filter(entry -> entry.answer() instanceof Authorization.Approved)
                .map(entry -> entry.amount().amount())
                .toList();
        return new Ledger(
                charges.size(),
                charges.stream().reduce(BigDecimal.ZERO, BigDecimal::add),
                refunds.size(),
                refunds.values().stream().map(Money::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
