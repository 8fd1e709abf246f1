package dev.flightdeck.text;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * A token a caller must present, set by an operator (FLIGHTDECK_AWS_EVENTS_TOKEN, FLIGHTDECK_ALERTS_TOKEN). Given
 * tokens are compared in constant time over SHA-256 digests, so neither the content nor the length of the token
 * shows in how long a refusal takes; a body signed with it (HMAC-SHA256, hex) is checked the same way. Blank means
 * not configured, and then nothing matches. The value is never kept as text, so it cannot end up in a log line.
 */
public final class SharedSecret {

    private final Optional<byte[]> digest;
    private final Optional<SecretKeySpec> key;

    public SharedSecret(String token) {
        boolean set = token != null && !token.isBlank();
        this.digest = set ? Optional.of(sha256(token.strip())) : Optional.empty();
        this.key = set ? Optional.of(new SecretKeySpec(token.strip().getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                : Optional.empty();
    }

    public boolean configured() {
        return digest.isPresent();
    }

    /** The token itself, as given (surrounding blanks ignored). */
    public boolean matches(String given) {
        return digest.isPresent() && given != null && MessageDigest.isEqual(digest.get(), sha256(given.strip()));
    }

    /** {@code signature} is the hex HMAC-SHA256 of {@code body} keyed with the token. */
    public boolean signs(byte[] body, String signature) {
        if (key.isEmpty() || body == null || signature == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key.get());
            byte[] expected = HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected,
                    signature.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
