package dev.flightdeck.alarms;

import java.time.Instant;
import java.util.Optional;

/**
 * One alarm episode: from the first ALARM until it has stayed OK past the flap window. One Slack message per
 * episode, updated in place. {@code latest} is the last report (its state is the episode's state now).
 *
 * @param firedAt        when it first went to ALARM in this episode
 * @param okSince        when it last went back to OK (empty while firing)
 * @param acknowledgedBy who pressed Acknowledge (a Slack user id); an acknowledged episode is not nudged
 * @param flaps          how often it fired again within the flap window
 * @param message        where its message is, once posted
 * @param nextNudgeAt    when the on-call or approvers are pinged again if nobody acknowledges (production only)
 * @param incident       the open incident of the service it went on the timeline of, instead of a message
 */
public record AlertEpisode(long id, Alert latest, Instant firedAt, Optional<Instant> okSince,
                           Optional<String> acknowledgedBy, Optional<Instant> acknowledgedAt, int flaps,
                           Optional<Message> message, Optional<Instant> nextNudgeAt, int nudges,
                           Optional<String> incident) {

    /** Where an episode's message was posted. */
    public record Message(String channelId, String ts) {
    }

    public AlertState state() {
        return latest.state();
    }
}
