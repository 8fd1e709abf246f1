package dev.flightdeck.persistence.configchange;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PendingValueCipherTest {

    private static final String SIGNING_SECRET = "made-up-signing-secret-for-this-test";
    private final String value = "s3cr3t-" + UUID.randomUUID();
    private final PendingValueCipher cipher = PendingValueCipher.fromSettings("", SIGNING_SECRET);

    @Test
    void sealedValueOpensForItsChangeOnly() {
        PendingValueCipher.Sealed sealed = cipher.seal(41, value);

        assertThat(cipher.open(41, sealed.nonce(), sealed.ciphertext())).contains(value);
        // AAD: the same bytes moved onto change 42's row do not open.
        assertThat(cipher.open(42, sealed.nonce(), sealed.ciphertext())).isEmpty();
    }

    @Test
    void alteredCiphertextOrNonceDoesNotOpen() {
        PendingValueCipher.Sealed sealed = cipher.seal(7, value);
        byte[] ciphertext = sealed.ciphertext().clone();
        ciphertext[0] ^= 1;
        byte[] nonce = sealed.nonce().clone();
        nonce[3] ^= 1;

        assertThat(cipher.open(7, sealed.nonce(), ciphertext)).isEmpty();
        assertThat(cipher.open(7, nonce, sealed.ciphertext())).isEmpty();
        assertThat(cipher.open(7, new byte[5], sealed.ciphertext())).isEmpty();
    }

    @Test
    void ciphertextCarriesNoPlaintextAndNoncesDoNotRepeat() {
        PendingValueCipher.Sealed a = cipher.seal(1, value);
        PendingValueCipher.Sealed b = cipher.seal(1, value);

        String asLatin1 = new String(a.ciphertext(), StandardCharsets.ISO_8859_1);
        assertThat(asLatin1).doesNotContain(value).doesNotContain("s3cr3t");
        assertThat(Base64.getEncoder().encodeToString(a.ciphertext()))
                .doesNotContain(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        assertThat(a.nonce()).isNotEqualTo(b.nonce());
        assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
        assertThat(a.toString()).doesNotContain(value);
    }

    @Test
    void everyReplicaWithTheSameSigningSecretOpensItAndAnotherKeyDoesNot() {
        PendingValueCipher.Sealed sealed = cipher.seal(9, value);
        PendingValueCipher otherReplica = PendingValueCipher.fromSettings(null, SIGNING_SECRET);
        PendingValueCipher rotated = PendingValueCipher.fromSettings(null, SIGNING_SECRET + "-rotated");

        assertThat(otherReplica.open(9, sealed.nonce(), sealed.ciphertext())).contains(value);
        assertThat(otherReplica.keyId()).isEqualTo(cipher.keyId());
        assertThat(rotated.open(9, sealed.nonce(), sealed.ciphertext())).isEmpty();
        assertThat(rotated.keyId()).isNotEqualTo(cipher.keyId());
    }

    @Test
    void configKeyWinsOverTheSigningSecret() {
        String configKey = Base64.getEncoder().encodeToString(new byte[32]);
        PendingValueCipher fromKey = PendingValueCipher.fromSettings(configKey, SIGNING_SECRET);
        PendingValueCipher.Sealed sealed = fromKey.seal(3, value);

        assertThat(PendingValueCipher.fromSettings(configKey, null).open(3, sealed.nonce(), sealed.ciphertext()))
                .contains(value);
        assertThat(cipher.open(3, sealed.nonce(), sealed.ciphertext())).isEmpty();
    }

    @Test
    void derivationIsHkdfSha256OfTheSigningSecretWithTheFixedLabels() {
        // Expected value computed independently (Python's hmac, RFC 5869 extract and expand with this salt and info):
        // a change to the derivation would make every pending value unreadable after an upgrade.
        assertThat(HexFormat.of().formatHex(PendingValueCipher.hkdf(SIGNING_SECRET.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("ba7166420e34195cbf193f502ad06b349f2d890878eb0c7f85403f784d7764b0");
    }

    @Test
    void badSettingsAreRefusedNamingTheSettingNotTheValue() {
        assertThatThrownBy(() -> PendingValueCipher.fromSettings("not base64 !!", null))
                .hasMessageContaining("FLIGHTDECK_CONFIG_KEY is not base64").hasMessageNotContaining("not base64 !!");
        assertThatThrownBy(() -> PendingValueCipher.fromSettings(Base64.getEncoder().encodeToString(new byte[16]), null))
                .hasMessageContaining("must be 32 bytes").hasMessageContaining("it has 16");
        assertThatThrownBy(() -> PendingValueCipher.fromSettings("", ""))
                .hasMessageContaining("set FLIGHTDECK_CONFIG_KEY");
    }
}
