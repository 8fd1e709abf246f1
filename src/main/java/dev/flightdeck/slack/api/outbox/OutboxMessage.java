package dev.flightdeck.slack.api.outbox;

import com.slack.api.model.Attachment;
import com.slack.api.model.block.LayoutBlock;

import java.util.List;

/**
 * A rendered message for the outbox. {@code orderingKey}: messages with the same key are sent one at a time, in the
 * order they were queued (an incident's or a deploy's messages). {@code messageKey}: queuing a message with a key that
 * is already queued does nothing; null for a fresh one. {@code parentKey}: the message key of an earlier message whose
 * ts this one needs (its thread, or the message to update). {@code marker}: Slack metadata key for ThreadMarkers.
 * {@code onSent}: a hook name an {@link OutboxListener} acts on once Slack gave the message its ts.
 */
public record OutboxMessage(String orderingKey, String messageKey, OutboxEntry.Method method, String channel,
                            String threadTs, String parentKey, String text, List<LayoutBlock> blocks,
                            List<Attachment> attachments, String marker, String onSent) {

    public static OutboxMessage post(String orderingKey, String channel, String text) {
        return new OutboxMessage(orderingKey, null, OutboxEntry.Method.POST, channel, null, null, text, null, null, null, null);
    }

    /** chat.update of the message at channel/ts. */
    public static OutboxMessage update(String orderingKey, String channel, String ts, String text) {
        return new OutboxMessage(orderingKey, null, OutboxEntry.Method.UPDATE, channel, ts, null, text, null, null, null, null);
    }

    /** chat.update of the message queued under {@code parentKey}, once it has been posted. */
    public static OutboxMessage updateOf(String orderingKey, String parentKey, String text) {
        return new OutboxMessage(orderingKey, null, OutboxEntry.Method.UPDATE, null, null, parentKey, text, null, null, null, null);
    }

    public OutboxMessage key(String key) {
        return new OutboxMessage(orderingKey, key, method, channel, threadTs, parentKey, text, blocks, attachments, marker, onSent);
    }

    public OutboxMessage inThread(String ts) {
        return new OutboxMessage(orderingKey, messageKey, method, channel, ts, parentKey, text, blocks, attachments, marker, onSent);
    }

    /** In the thread of the message queued under {@code key} (in {@link #channel} if that one never got posted). */
    public OutboxMessage inThreadOf(String key) {
        return new OutboxMessage(orderingKey, messageKey, method, channel, threadTs, key, text, blocks, attachments, marker, onSent);
    }

    public OutboxMessage blocks(List<LayoutBlock> value) {
        return new OutboxMessage(orderingKey, messageKey, method, channel, threadTs, parentKey, text, value, attachments, marker, onSent);
    }

    public OutboxMessage attachments(List<Attachment> value) {
        return new OutboxMessage(orderingKey, messageKey, method, channel, threadTs, parentKey, text, blocks, value, marker, onSent);
    }

    public OutboxMessage marker(String key) {
        return new OutboxMessage(orderingKey, messageKey, method, channel, threadTs, parentKey, text, blocks, attachments, key, onSent);
    }

    public OutboxMessage onSent(String hook) {
        return new OutboxMessage(orderingKey, messageKey, method, channel, threadTs, parentKey, text, blocks, attachments, marker, hook);
    }
}
