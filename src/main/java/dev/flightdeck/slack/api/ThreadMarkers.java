package dev.flightdeck.slack.api;

import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.conversations.ConversationsRepliesRequest;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.model.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Thread replies that a replica may have to send again after another one stopped (a nudge claimed, sent, and not yet
 * counted when the process was killed). Each carries a key as Slack message metadata; before sending again, the thread
 * is read ({@code conversations.replies}, {@code channels:history}) for a reply with that key, so a message that did
 * land is not posted twice. When the thread cannot be read, the answer is "not there": a rare duplicate beats a lost
 * message.
 */
public final class ThreadMarkers {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadMarkers.class);
    public static final String EVENT_TYPE = "flightdeck_delivery";
    private static final int PAGE = 200;
    private static final int MAX_PAGES = 10;
    private static final long WAIT_SECONDS = 30;

    private ThreadMarkers() {
    }

    /** Adds {@code key} to a message as its metadata. */
    public static ChatPostMessageRequest.ChatPostMessageRequestBuilder tagged(
            ChatPostMessageRequest.ChatPostMessageRequestBuilder message, String key) {
        return message.metadata(Message.Metadata.builder().eventType(EVENT_TYPE).eventPayload(Map.of("key", key)).build());
    }

    /** Whether the thread under {@code threadTs} in {@code channel} has a message tagged {@code key}. */
    public static boolean inThread(SlackGateway gateway, String channel, String threadTs, String key) {
        return findInThread(gateway, channel, threadTs, key).isPresent();
    }

    /** The ts of the message tagged {@code key} in the thread; empty when there is none or the thread can't be read. */
    public static java.util.Optional<String> findInThread(SlackGateway gateway, String channel, String threadTs, String key) {
        String cursor = null;
        try {
            for (int page = 0; page < MAX_PAGES; page++) {
                ConversationsRepliesRequest request = ConversationsRepliesRequest.builder().channel(channel).ts(threadTs)
                        .limit(PAGE).cursor(cursor).includeAllMetadata(true).build();
                ConversationsRepliesResponse response = gateway.call("conversations.replies",
                        c -> c.conversationsReplies(request)).get(WAIT_SECONDS, TimeUnit.SECONDS);
                if (!response.isOk()) {
                    LOG.warn("Could not read thread {} in {} ({}); sending again", threadTs, channel, response.getError());
                    return java.util.Optional.empty();
                }
                java.util.Optional<String> found = response.getMessages() == null ? java.util.Optional.empty()
                        : response.getMessages().stream().filter(m -> key.equals(keyOf(m.getMetadata())))
                        .map(Message::getTs).findFirst();
                if (found.isPresent()) {
                    return found;
                }
                cursor = response.getResponseMetadata() == null ? null : response.getResponseMetadata().getNextCursor();
                if (cursor == null || cursor.isEmpty()) {
                    return java.util.Optional.empty();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Could not read thread {} in {} ({}); sending again", threadTs, channel, e.getMessage());
        }
        return java.util.Optional.empty();
    }

    private static String keyOf(Message.Metadata metadata) {
        if (metadata == null || !EVENT_TYPE.equals(metadata.getEventType()) || metadata.getEventPayload() == null) {
            return null;
        }
        Object key = metadata.getEventPayload().get("key");
        return key == null ? null : key.toString();
    }
}
