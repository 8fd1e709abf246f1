package dev.flightdeck.aws.events;

import dev.flightdeck.envconfig.change.ConfigWatchEvents;
import dev.flightdeck.envconfig.change.OutsideChange;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Hands a reported change to every {@link ConfigWatchEvents} (the watch's implementation; none until it is
 * installed, and then the route still accepts the event). A watch that throws fails the hand-off, so the
 * controller forgets the event id and the delivery can be taken again.
 */
@Singleton
public class ConfigWatchRelay {

    private final List<ConfigWatchEvents> watches;

    public ConfigWatchRelay(List<ConfigWatchEvents> watches) {
        this.watches = List.copyOf(watches);
    }

    AwsEventRoute.Plan relay(OutsideChange change) {
        return AwsEventRoute.Plan.accepted(change.name(), () -> watches.forEach(w -> w.reported(change)));
    }
}
