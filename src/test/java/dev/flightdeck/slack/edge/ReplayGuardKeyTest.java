package dev.flightdeck.slack.edge;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The key a request is remembered by: the same for a copy, later requests after earlier ones, within the column. */
class ReplayGuardKeyTest {

    final ReplayGuard guard = new ReplayGuard((key, expiresAt, now) -> true);
    final Instant t = Instant.parse("2026-12-07T19:00:00Z");

    @Test
    void aCopyOfARequestHasItsKeyAndAnotherRequestAnother() {
        String a = guard.key("v0=" + "a".repeat(64), t);
        assertThat(guard.key(" v0=" + "a".repeat(64) + " ", t)).isEqualTo(a);
        assertThat(guard.key("v0=" + "b".repeat(64), t)).isNotEqualTo(a);
        assertThat(a).hasSizeLessThanOrEqualTo(64); // slack_request_seen.signature_hash is VARCHAR(64)
    }

    @Test
    void theKeyIsTheZeroPaddedExpiryThenFortyHexDigitsOfTheSignaturesSha256() throws Exception {
        // Keys written before a restart are read back and compared: the format must not change.
        String signature = "v0=" + "c".repeat(64);
        byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(signature.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String hex = java.util.HexFormat.of().formatHex(hash).substring(0, 40);
        assertThat(guard.key(signature, t)).isEqualTo(String.format("%010d", t.getEpochSecond()) + hex);
        assertThat(guard.key(signature, Instant.ofEpochSecond(42))).isEqualTo("0000000042" + hex);
        assertThat(guard.key(signature, Instant.ofEpochSecond(12_345_678_901L))).isEqualTo("12345678901" + hex);
    }

    @Test
    void laterRequestsSortAfterEarlierOnesSoTheyAreAddedAtTheEndOfTheIndex() {
        String earlier = guard.key("v0=" + "f".repeat(64), t);
        String later = guard.key("v0=" + "0".repeat(64), t.plusSeconds(1));
        String muchLater = guard.key("v0=" + "0".repeat(64), t.plusSeconds(100_000));
        assertThat(earlier).isLessThan(later);
        assertThat(later).isLessThan(muchLater);
    }
}
