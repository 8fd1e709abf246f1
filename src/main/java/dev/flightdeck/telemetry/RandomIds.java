package dev.flightdeck.telemetry;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** W3C trace-context sizes: 16 bytes for a trace id, 8 for a span id. */
final class RandomIds {

    private RandomIds() {
    }

    static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
