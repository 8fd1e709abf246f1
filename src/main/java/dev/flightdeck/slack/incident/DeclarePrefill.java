package dev.flightdeck.slack.incident;

import dev.flightdeck.incident.Severity;

import java.util.Objects;
import java.util.Optional;

/**
 * The declare form opened from somewhere other than {@code /incident} (an alarm's Declare incident button): its title
 * and severity filled in, a note (mrkdwn) on where it came from, and an {@code origin} the form carries in its
 * private_metadata so that the {@link DeclaredFrom} of that origin hears of the incident once it is declared.
 *
 * @param channelId where the declarer hears back, as for {@code /incident}
 * @param origin    e.g. {@code alert:42}; never contains '|'
 */
public record DeclarePrefill(String channelId, String title, Severity severity, Optional<String> note, String origin) {

    /** Separates the channel from the origin in private_metadata; a channel id never contains it. */
    static final char SEPARATOR = '|';

    public DeclarePrefill {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(origin, "origin");
        if (origin.indexOf(SEPARATOR) >= 0 || channelId.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("channel and origin must not contain " + SEPARATOR);
        }
        title = title == null ? "" : title;
        severity = severity == null ? Severity.SEV3 : severity;
    }

    String metadata() {
        return channelId + SEPARATOR + origin;
    }

    /** What a declare form's private_metadata says: the channel, and the origin when it was opened pre-filled. */
    record Metadata(String channelId, Optional<String> origin) {
        static Metadata parse(String metadata) {
            if (metadata == null) {
                return new Metadata(null, Optional.empty());
            }
            int at = metadata.indexOf(SEPARATOR);
            return at < 0 ? new Metadata(metadata, Optional.empty())
                    : new Metadata(metadata.substring(0, at), Optional.of(metadata.substring(at + 1)));
        }
    }
}
