package dev.flightdeck.persistence.configchange;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Seals a proposed secret value for the database: AES-256-GCM, a random 96-bit nonce per value, and the change id as
 * associated data, so a ciphertext copied onto another change's row does not open. The key is never in the database:
 * {@code FLIGHTDECK_CONFIG_KEY} (base64 of 32 bytes) when set, else HKDF-SHA256 of the Slack signing secret with a
 * fixed label, which every replica already has. Nothing here logs, and no message carries a value or a key.
 */
public final class PendingValueCipher {

    static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** HKDF's info: fixed, so every replica derives the same key; versioned, so a new scheme can derive another. */
    static final String HKDF_INFO = "flightdeck pending config values v1";
    private static final byte[] HKDF_SALT = "flightdeck/config-change".getBytes(StandardCharsets.UTF_8);

    /** What goes in the row. */
    public record Sealed(byte[] nonce, byte[] ciphertext) {
        @Override
        public String toString() {
            return "Sealed[" + ciphertext.length + " bytes]";
        }
    }

    private final SecretKeySpec key;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    PendingValueCipher(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the pending-value key must be " + KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.keyId = HexFormat.of().formatHex(hmac(key, "key id".getBytes(StandardCharsets.UTF_8)), 0, 8);
    }

    /**
     * The key from the settings. {@code configKey} (FLIGHTDECK_CONFIG_KEY) wins; without it, the signing secret's
     * derivation. Neither: an error naming both settings (no value).
     */
    public static PendingValueCipher fromSettings(String configKey, String signingSecret) {
        if (configKey != null && !configKey.isBlank()) {
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(configKey.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("FLIGHTDECK_CONFIG_KEY is not base64; generate one with: openssl rand -base64 32");
            }
            if (raw.length != KEY_BYTES) {
                throw new IllegalStateException("FLIGHTDECK_CONFIG_KEY must be " + KEY_BYTES + " bytes in base64 (it has "
                        + raw.length + "); generate one with: openssl rand -base64 32");
            }
            return new PendingValueCipher(raw);
        }
        if (signingSecret != null && !signingSecret.isBlank()) {
            return new PendingValueCipher(hkdf(signingSecret.getBytes(StandardCharsets.UTF_8)));
        }
        throw new IllegalStateException("No key for pending config values: set FLIGHTDECK_CONFIG_KEY (or SLACK_SIGNING_SECRET)");
    }

    /** Names the key (8 hex characters of an HMAC under it), never reveals it. */
    public String keyId() {
        return keyId;
    }

    public Sealed seal(long changeId, String value) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(changeId));
            return new Sealed(nonce, cipher.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // The JDK always has AES-GCM; the exception's own message names no value.
            throw new IllegalStateException("AES-GCM is not available: " + e.getClass().getSimpleName());
        }
    }

    /** The value, or empty when it does not open under this key and this change id (another key, moved, altered). */
    public Optional<String> open(long changeId, byte[] nonce, byte[] ciphertext) {
        if (nonce == null || nonce.length != NONCE_BYTES || ciphertext == null) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(changeId));
            return Optional.of(new String(cipher.doFinal(ciphertext), StandardCharsets.UTF_8));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getClass().getSimpleName());
        }
    }

    private static byte[] aad(long changeId) {
        return ("flightdeck config change " + changeId).getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 5869 with SHA-256; one block of output is the 32 bytes needed. */
    static byte[] hkdf(byte[] inputKey) {
        byte[] prk = hmac(HKDF_SALT, inputKey);
        byte[] info = HKDF_INFO.getBytes(StandardCharsets.UTF_8);
        byte[] block = Arrays.copyOf(info, info.length + 1);
        block[info.length] = 1;
        return hmac(prk, block);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available: " + e.getClass().getSimpleName());
        }
    }
}
