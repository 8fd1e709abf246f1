package dev.flightdeck.testing;

/**
 * A file the app uploaded to FakeSlack and completed: its bytes, and where it was shared. {@code channel} is null for
 * a file completed without a channel (private to the app); {@code threadTs} is set when it went into a thread, and
 * {@code ts} is the message it appears as there.
 */
public record FakeFile(String id, String filename, String title, byte[] bytes, String channel, String threadTs,
                       String ts) {
}
