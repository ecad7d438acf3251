package io.eventshop.messaging.testing;

import io.eventshop.messaging.sealing.Sealer;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The sealing secret of a test JVM: random, so none is written down anywhere, and the same for every service context
 * and test in the JVM, so that what one seals another opens.
 */
public final class TestSealing {

    /** 32 random bytes, base64: what {@code openssl rand -base64 32} gives. */
    public static final String SECRET = newSecret();

    private static final Sealer SEALER = new Sealer(SECRET);

    private TestSealing() {}

    /** Seals {@code paymentToken} for {@code orderId}, as order-service does. */
    public static String seal(String paymentToken, Object orderId) {
        return SEALER.seal(paymentToken, orderId.toString());
    }

    /** Opens what order-service sealed for {@code orderId}. */
    public static String open(String sealed, Object orderId) {
        return SEALER.open(sealed, orderId.toString());
    }

    private static String newSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }
}
