package dev.flightdeck.slack.blocks.incident;

import dev.flightdeck.slack.command.Mrkdwn;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Small text helpers for incident messages. */
final class Texts {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Texts() {
    }

    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Slack shows the date in each reader's own time zone; the fallback is UTC. */
    static String date(Instant at) {
        return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} {time}|" + UTC.format(at) + ">";
    }

    /** Stored texts are Slack-escaped mrkdwn; plain_text fields show entities literally, so undo the escaping. */
    static String plain(String mrkdwn) {
        return Mrkdwn.unescape(mrkdwn);
    }
}
