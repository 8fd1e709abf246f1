package dev.flightdeck.incident;

import java.time.Duration;
import java.util.Collection;

/**
 * What incidents need from the chat workspace (implemented on Slack by the incident Slack feature): the steps of a
 * declaration and the reminders. Calls take typed facts, never text: the implementation chooses every word. Channel
 * set-up calls (create, invite, card, pin, topic) block until the workspace answered (after its own retries) and throw
 * {@link ChannelsFailed} when it did not, so the caller records a step as done only when it really happened. Messages
 * (announcements, DMs, card updates) are stored and delivered in the order they were given, retried until the
 * workspace takes them: once the call returns, the message will arrive.
 */
public interface IncidentChannels {

    sealed interface Created {
        record Ok(String channelId) implements Created {
        }

        /** The name exists already: try another. */
        record NameTaken() implements Created {
        }
    }

    Created createChannel(String name);

    /** Adds the people in one call; people already in the channel are fine. */
    void invite(String channelId, Collection<String> userIds);

    /**
     * Posts the incident card in the incident's channel; returns its message ts. While nobody holds the communicator
     * role, the card asks for one, with a way to claim the role or name someone (DESIGN 5: asked at once).
     */
    String postCard(Incident incident);

    /** Rewrites the card in place. */
    void updateCard(Incident incident);

    /**
     * Once set-up is done: brings the card up to date with {@code incident} (changes made before the card's ts was
     * recorded could not update it). An implementation may leave a card alone that it knows shows this already.
     */
    default void refreshCard(Incident incident) {
        updateCard(incident);
    }

    /** Pinning a message that is already pinned is fine. */
    void pin(String channelId, String ts);

    void setTopic(Incident incident);

    /** What an announcement in the incidents channel tells. */
    sealed interface Announcement {
        record Declared() implements Announcement {
        }

        record Raised(Severity to) implements Announcement {
        }

        record Resolved(Duration after) implements Announcement {
        }
    }

    /** A line in the incidents channel (if the team has one). */
    void announce(Incident incident, Announcement announcement);

    /** DMs the communicator that no update was posted for {@code since}, with a way to the update form. */
    void remindCommunicator(Incident incident, String communicatorId, Duration since);

    /** DMs the commander that the incident still has no communicator. */
    void remindCommander(Incident incident, Duration since);

    /**
     * Tells the declarer (only them, where they declared) that the workspace stopped the declaration's set-up, and
     * that it is tried again every {@code retryEvery}.
     */
    void setupStopped(Incident incident, String cause, Duration retryEvery);

    class ChannelsFailed extends RuntimeException {
        public ChannelsFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
