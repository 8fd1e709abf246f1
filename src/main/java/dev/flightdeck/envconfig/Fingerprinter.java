package dev.flightdeck.envconfig;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Short keyed hashes of configuration values (HMAC-SHA256, truncated to {@value #HEX_CHARS} hex characters).
 * Keyed with a per-installation key so a fingerprint shown in Slack can't be checked against guessed values
 * elsewhere; truncated so it is a comparison aid, not a reversible digest. Equal values give equal
 * fingerprints within one installation, which is all that diff and the rules need.
 */
public final class Fingerprinter {

    public static final int HEX_CHARS = 8;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public Fingerprinter(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("the fingerprint key must have at least 16 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    public String of(String value) {
        return of(value.getBytes(StandardCharsets.UTF_8));
    }

    public String of(byte[] value) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value)).substring(0, HEX_CHARS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "Fingerprinter[HmacSHA256/" + HEX_CHARS + "]";
    }
}
