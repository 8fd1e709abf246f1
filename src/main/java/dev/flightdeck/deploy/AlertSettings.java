package dev.flightdeck.deploy;

import dev.flightdeck.incident.Severity;
import dev.flightdeck.team.ChannelRef;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How an environment hears of its services' alarms (DESIGN section 13): where an alarm episode is posted
 * ({@code alerts-channel}, else the environment's channel), the severity "Declare incident" proposes
 * ({@code alert-severity}), how long an unacknowledged alarm waits before the on-call or approvers are pinged again
 * ({@code alert-nudge-after}; production only), and how soon after OK a new ALARM still counts as the same episode
 * ({@code alarm-flap-window}).
 */
public record AlertSettings(Optional<ChannelRef> channel, Severity severity, Duration nudgeAfter, Duration flapWindow) {

    public static final Duration DEFAULT_NUDGE_AFTER = Duration.ofMinutes(15);
    public static final Duration DEFAULT_FLAP_WINDOW = Duration.ofMinutes(10);
    public static final AlertSettings DEFAULTS = new AlertSettings(Optional.empty(), Severity.SEV2, DEFAULT_NUDGE_AFTER,
            DEFAULT_FLAP_WINDOW);

    public AlertSettings {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(nudgeAfter, "nudgeAfter");
        Objects.requireNonNull(flapWindow, "flapWindow");
    }
}
