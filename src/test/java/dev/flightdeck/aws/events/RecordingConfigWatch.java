package dev.flightdeck.aws.events;

import dev.flightdeck.envconfig.change.ConfigWatchEvents;
import dev.flightdeck.envconfig.change.OutsideChange;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link ConfigWatchEvents} in every test app that records what the AWS events route hands on, and fails on
 * request for one event id. {@code @Secondary}: a test or bean that injects the one watch gets the real one once it
 * is installed; the route, which takes all of them, reaches this one too.
 */
@Singleton
@Secondary
public class RecordingConfigWatch implements ConfigWatchEvents {

    private final List<OutsideChange> reported = new CopyOnWriteArrayList<>();
    private final Set<String> failFor = ConcurrentHashMap.newKeySet();

    @Override
    public void reported(OutsideChange change) {
        if (failFor.contains(change.eventId())) {
            throw new IllegalStateException("made-up failure of the watch");
        }
        reported.add(change);
    }

    public void failFor(String eventId) {
        failFor.add(eventId);
    }

    public void recover(String eventId) {
        failFor.remove(eventId);
    }

    public List<OutsideChange> of(String eventId) {
        return reported.stream().filter(c -> c.eventId().equals(eventId)).toList();
    }

    public Optional<OutsideChange> one(String eventId) {
        List<OutsideChange> found = of(eventId);
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }
}
