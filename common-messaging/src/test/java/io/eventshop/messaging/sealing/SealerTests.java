package io.eventshop.messaging.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventshop.messaging.sealing.Sealer.BrokenSealException;
import org.junit.jupiter.api.Test;

class SealerTests {

    private static final String SECRET = "a-test-secret-that-is-long-enough-for-aes";
    private static final String ORDER = "0b4f7c1e-5d1a-4c3b-9a57-1f0c2e8d9b11";

    private final Sealer sealer = new Sealer(SECRET);

    @Test
    void whatIsSealedForAnOrderOpensForThatOrderUnderTheSameSecret() {
        String sealed = sealer.seal("tok_visa", ORDER);

        assertThat(sealed).startsWith("v1.").doesNotContain("tok_visa");
        assertThat(new Sealer(SECRET).open(sealed, ORDER)).isEqualTo("tok_visa");
    }

    @Test
    void theSameValueSealsDifferentlyEachTime() {
        assertThat(sealer.seal("tok_visa", ORDER)).isNotEqualTo(sealer.seal("tok_visa", ORDER));
    }

    @Test
    void aSealDoesNotOpenForAnotherOrderUnderAnotherSecretOrOnceChanged() {
        String sealed = sealer.seal("tok_visa", ORDER);
        char last = sealed.charAt(sealed.length() - 1);
        String changed = sealed.substring(0, sealed.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThatThrownBy(() -> sealer.open(sealed, "another-order")).isInstanceOf(BrokenSealException.class);
        assertThatThrownBy(() -> new Sealer("another-secret-that-is-long-enough-too").open(sealed, ORDER))
                .isInstanceOf(BrokenSealException.class);
        assertThatThrownBy(() -> sealer.open(changed, ORDER)).isInstanceOf(BrokenSealException.class);
        assertThatThrownBy(() -> sealer.open("tok_visa", ORDER))
                .isInstanceOf(BrokenSealException.class)
                .hasMessageContaining("not a sealed value");
    }

    @Test
    void aShortSecretIsRefusedAndAMissingOneNamesTheSetting() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Sealer("short"))
                .withMessageContaining("32");
        assertThatIllegalStateException()
                .isThrownBy(() -> new SealingProperties(null).sealer())
                .withMessageContaining("EVENTSHOP_SEALING_SECRET");
    }
}
