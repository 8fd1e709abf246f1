package dev.flightdeck.envconfig;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fingerprints: short, keyed, stable within an installation; entries never print or carry a secret value. */
class FingerprintsTest {

    static final byte[] KEY_A = "installation-a-key-000000".getBytes(StandardCharsets.UTF_8);
    static final byte[] KEY_B = "installation-b-key-000000".getBytes(StandardCharsets.UTF_8);

    @Test
    void equalValuesGiveEqualShortFingerprintsAndTheKeyChangesThem() {
        Fingerprinter a = new Fingerprinter(KEY_A);
        assertThat(a.of("hunter2")).hasSize(8).matches("[0-9a-f]{8}").isEqualTo(new Fingerprinter(KEY_A).of("hunter2"));
        assertThat(a.of("hunter2")).isNotEqualTo(a.of("hunter3"));
        assertThat(a.of("hunter2")).isNotEqualTo(new Fingerprinter(KEY_B).of("hunter2"));
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new Fingerprinter(new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSecretEntryCannotCarryItsValueAndNeverPrintsOne() {
        assertThatThrownBy(() -> new ConfigEntry("P", "/p", "SecureString", Optional.of("hunter2"), "abcd", "1",
                Optional.empty(), Optional.empty())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("hunter2");
        ConfigEntry secret = ConfigEntry.secret("P", "/p", "SecureString", new Fingerprinter(KEY_A).of("hunter2"), "1",
                Optional.empty(), Optional.empty());
        assertThat(secret.toString() + secret.shownValue()).doesNotContain("hunter2").contains(secret.fingerprint());
    }

    @Test
    void theSettingWinsOverTheStoreAndMustBeLongEnough() {
        FingerprintKeyStore never = fresh -> {
            throw new AssertionError("the store must not be used when the setting is present");
        };
        assertThat(FingerprintKeys.key("a-setting-of-20-chars", never))
                .isEqualTo("a-setting-of-20-chars".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> FingerprintKeys.key("short", never)).hasMessageContaining("at least 16");
    }

    @Test
    void withoutTheSettingAKeyIsGeneratedOnceAndThenReadBack() {
        AtomicReference<byte[]> stored = new AtomicReference<>();
        AtomicInteger generated = new AtomicInteger();
        FingerprintKeyStore store = (Supplier<byte[]> fresh) -> {
            if (stored.get() == null) {
                generated.incrementAndGet();
                stored.set(fresh.get());
            }
            return stored.get();
        };
        byte[] first = FingerprintKeys.key("", store);
        byte[] second = FingerprintKeys.key(null, store);
        assertThat(first).hasSize(32).isEqualTo(second);
        assertThat(generated).hasValue(1);
    }
}
