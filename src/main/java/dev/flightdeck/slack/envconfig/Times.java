package dev.flightdeck.slack.envconfig;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Times as shown in these answers: UTC, to the minute (a team spans time zones; the audit log has the rest). */
final class Times {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    static String utc(Instant instant) {
        return instant == null ? "?" : FORMAT.format(instant);
    }

    static String utc(Optional<Instant> instant) {
        return instant.map(Times::utc).orElse("?");
    }
}
