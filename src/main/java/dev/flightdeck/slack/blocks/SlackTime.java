package dev.flightdeck.slack.blocks;

import dev.flightdeck.text.UtcTime;

import java.time.Instant;

/** Times in messages: Slack shows {@code <!date^…>} in each reader's own time zone; the fallback is UTC. */
public final class SlackTime {

    private SlackTime() {
    }

    public static String of(Instant at) {
        return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} {time}|" + UtcTime.format(at) + ">";
    }
}
