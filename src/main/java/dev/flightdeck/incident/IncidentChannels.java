package dev.flightdeck.incident;

import dev.flightdeck.incident.summary.IncidentSummary;

import java.time.Duration;
import java.util.Collection;

/**
 * What incidents need from the chat workspace (implemented on Slack in slack/handlers/incident). Channel set-up calls
 * (create, invite, card, pin, topic) block until the workspace answered (after its own retries) and throw
 * {@link ChannelsFailed} when it did not, so the caller records a step as done only when it really happened. Messages
 * (posts, updates, announcements, DMs, card updates) are stored and delivered in the order they were given, retried
 * until the workspace takes them: once the call returns, the message will arrive.
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

    /** Posts the incident card in the incident's channel; returns its message ts. */
    String postCard(Incident incident);

    /** Rewrites the card in place. */
    void updateCard(Incident incident);

    /** Pinning a message that is already pinned is fine. */
    void pin(String channelId, String ts);

    void setTopic(Incident incident);

    /** A line in the incidents channel (if the team has one): declared, severity raised, resolved. */
    void announce(Incident incident, String headline);

    /** Asks in the incident channel for a communicator, with a button to claim the role. */
    void askForCommunicator(Incident incident);

    /** A plain message in the incident channel; returns once it is queued (callable before the ack). */
    void post(Incident incident, String text);

    /**
     * A status update: in the incident channel and broadcast to the stakeholder channel, rendered from
     * {@code incident} as given; returns once it is queued (callable before the ack).
     */
    void postUpdate(Incident incident, String text, String authorId);

    /** DMs the new holder of a role what it asks of them. */
    void briefRole(Incident incident, IncidentRole role, String userId);

    /** DMs the communicator that no update was posted for {@code since}, with a button to the update form. */
    void remindCommunicator(Incident incident, String communicatorId, Duration since);

    /** DMs the commander that the incident still has no communicator. */
    void remindCommander(Incident incident, Duration since);

    /** Tells the declarer (only them, where they declared) something went wrong with their declaration. */
    void tellDeclarer(Incident incident, String text);

    /** The summary in the incident channel and the stakeholder channel. */
    void postSummary(Incident incident, IncidentSummary summary);

    class ChannelsFailed extends RuntimeException {
        public ChannelsFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
