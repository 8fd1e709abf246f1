package dev.flightdeck.text;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The one way Flightdeck writes a moment as plain text: UTC, to the minute ("2026-11-24 06:37 UTC"). A team spans
 * time zones, so every page, message fallback and check reason names the same zone; the audit log keeps the rest.
 */
public final class UtcTime {

    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private UtcTime() {
    }

    public static String format(Instant at) {
        return FORMAT.format(at);
    }

    /** {@code ifNone} stands in for a moment that has not happened (or is unknown). */
    public static String format(Instant at, String ifNone) {
        return at == null ? ifNone : FORMAT.format(at);
    }
}
