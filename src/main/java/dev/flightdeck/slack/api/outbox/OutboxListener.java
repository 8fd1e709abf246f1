package dev.flightdeck.slack.api.outbox;

/** Told when a message queued with an {@code onSent} hook got its ts (e.g. the go/no-go's ts is stored on the deploy). */
public interface OutboxListener {

    /** Runs on the outbox worker right after the send was recorded; {@code hook} as queued. Must be idempotent. */
    void sent(String hook, String channel, String ts);
}
