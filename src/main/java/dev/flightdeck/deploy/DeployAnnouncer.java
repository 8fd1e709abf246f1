package dev.flightdeck.deploy;

import java.util.Optional;

/** Tells people about a deploy (port: typed news in, the chat adapter renders the go/no-go message and words its thread). */
public interface DeployAnnouncer {

    /**
     * Queues the go/no-go message for the environment's channel and waits a while for Slack's answer.
     *
     * @return where it landed (already stored with the request), to update it and reply in its thread later; empty
     *     when Slack has not taken it yet: it stays queued, is posted when Slack is back, and stored then
     * @throws AnnounceFailed when Slack refused it for good (the request is then cancelled and the requester told)
     */
    Optional<MessageRef> post(DeployView view);

    /**
     * Queues the go/no-go message unless it was queued before, without waiting: for a request whose message was
     * never queued (the process stopped between storing the request and queuing its message).
     */
    void queuePost(DeployView view);

    /** Re-renders the message in place (state, who, when), once it has been posted. */
    void refresh(DeployView view);

    /** Tells the deploy's thread (or the channel when there is no message yet); builds go to the channel too. */
    void reply(DeployRequest request, DeployNews news);

    /**
     * The same, tagged with {@code key}, which {@link #hasReply} can find later: for work a replica may redo after
     * another one stopped between sending and recording it.
     */
    void reply(DeployRequest request, DeployNews news, String key);

    /** Whether a reply tagged {@code key} is already in the request's thread; false when that cannot be known. */
    boolean hasReply(DeployRequest request, String key);

    record MessageRef(String channelId, String ts) {
    }

    class AnnounceFailed extends RuntimeException {
        public AnnounceFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
