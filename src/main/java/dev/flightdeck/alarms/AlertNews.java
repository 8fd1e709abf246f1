package dev.flightdeck.alarms;

import dev.flightdeck.deploy.ApproverRef;
import dev.flightdeck.team.ChannelRef;

import java.util.List;
import java.util.Optional;

/**
 * Tells the team about alarm episodes (port; the Slack adapter renders: {@code PROD: ALARM commons-prod-5xx — reason}
 * in the failure colour, buttons Declare incident, Acknowledge, Runbook; the last 3 hours' graph in the thread when
 * one can be had). Posts go through the outbox and are never lost.
 */
public interface AlertNews {

    /** Posts a new episode's message to {@code channel}; where it went, or empty when it cannot be posted. */
    Optional<AlertEpisode.Message> post(AlertEpisode episode, ChannelRef channel);

    /** Redraws the episode's message in place (back to OK: how long it fired, who acknowledged; fired again). */
    void update(AlertEpisode episode);

    /** Pings {@code who} in the episode's thread: nobody acknowledged it within {@code alert-nudge-after}. */
    void nudge(AlertEpisode episode, List<ApproverRef> who);
}
