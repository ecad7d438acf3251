package io.eventshop.messaging.sealing;

import io.eventshop.messaging.listener.UnprocessableMessageException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a value that must cross the bus but must not be readable there: AES-256-GCM under a key that only the sender
 * and the receiver hold. The customer's payment token is the one such value: order-service takes it with the order,
 * and payment-service needs it, but OrderPlaced is archived by the bus and read by every consumer. Sealed, the archive
 * keeps only ciphertext, and replacing the secret makes every archived copy unreadable.
 *
 * <p>A sealed value reads {@code v1.<base64url(nonce, ciphertext and tag)>}. The {@code context} (the order id) is
 * authenticated with it, so a sealed token copied into another order's event does not open. A value that was changed,
 * sealed under another secret or for another context fails to {@link #open} with {@link BrokenSealException}.
 */
public final class Sealer {

    private static final String VERSION = "v1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param secret at least 32 characters of randomness (for example {@code openssl rand -base64 32}); the key is its
     *     SHA-256 digest
     */
    public Sealer(String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("the sealing secret must be at least 32 characters long");
        }
        this.key = new SecretKeySpec(sha256(secret), "AES");
    }

    /** Seals {@code value} for {@code context}. */
    public String seal(String value, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, context);
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * Opens what {@link #seal} sealed for the same {@code context}.
     *
     * @throws BrokenSealException if the value was not sealed under this secret for this context, or was changed
     */
    public String open(String sealed, String context) {
        if (sealed == null || !sealed.startsWith(VERSION)) {
            throw new BrokenSealException("not a sealed value of version " + VERSION.substring(0, 2));
        }
        byte[] in;
        try {
            in = Base64.getUrlDecoder().decode(sealed.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw new BrokenSealException("not base64url");
        }
        if (in.length <= NONCE_BYTES) {
            throw new BrokenSealException("too short");
        }
        ByteBuffer buffer = ByteBuffer.wrap(in);
        byte[] nonce = new byte[NONCE_BYTES];
        buffer.get(nonce);
        byte[] ciphertext = new byte[buffer.remaining()];
        buffer.get(ciphertext);
        try {
            return new String(cipher(Cipher.DECRYPT_MODE, nonce, context).doFinal(ciphertext), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new BrokenSealException("it was sealed under another secret, for another context, or changed");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** A sealed value that does not open: never retried, as it will not open next time either. */
    public static final class BrokenSealException extends UnprocessableMessageException {

        public BrokenSealException(String reason) {
            super("the sealed value does not open: " + reason);
        }
    }
}
