package dev.flightdeck.build.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Each backend's own webhook scheme, compared in constant time. A missing secret verifies nothing. */
public final class WebhookSignatures {

    private WebhookSignatures() {
    }

    /** Jenkins: a shared token (the Notification plugin puts it in the URL or a header). */
    public static boolean sharedToken(String secret, String given) {
        return secret != null && !secret.isEmpty() && given != null
                && MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** CircleCI: {@code circleci-signature: v1=<hex HMAC-SHA256 of the body>}, possibly among other versions. */
    public static boolean circleci(String secret, String header, byte[] body) {
        if (secret == null || secret.isEmpty() || header == null) {
            return false;
        }
        String expected = hmacHex(secret, body);
        for (String part : header.split(",")) {
            String p = part.trim();
            if (p.startsWith("v1=") && constantEquals(expected, p.substring(3))) {
                return true;
            }
        }
        return false;
    }

    /** GitHub: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>}. */
    public static boolean github(String secret, String header, byte[] body) {
        return secret != null && !secret.isEmpty() && header != null && header.startsWith("sha256=")
                && constantEquals(hmacHex(secret, body), header.substring("sha256=".length()));
    }

    public static String hmacHex(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static boolean constantEquals(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
