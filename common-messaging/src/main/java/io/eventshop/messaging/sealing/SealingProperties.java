package io.eventshop.messaging.sealing;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code eventshop.sealing.secret} ({@code EVENTSHOP_SEALING_SECRET}): the secret that the services which exchange
 * sealed values share, and no other service is given. The devstack makes a new one at each start, docker compose at
 * each {@code up}, and on AWS it lives in Secrets Manager.
 */
@ConfigurationProperties("eventshop.sealing")
public record SealingProperties(@Nullable String secret) {

    /** The sealer of this secret; fails with what to do when the secret is not set. */
    public Sealer sealer() {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("eventshop.sealing.secret (EVENTSHOP_SEALING_SECRET) is not set:"
                    + " order-service seals payment tokens with it and payment-service opens them, so both need the"
                    + " same secret");
        }
        return new Sealer(secret);
    }
}
