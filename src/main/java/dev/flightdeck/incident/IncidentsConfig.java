package dev.flightdeck.incident;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import dev.flightdeck.team.ChannelRef;

/**
 * Incident settings. {@code updateEvery} holds the update cadence per severity; a severity missing from it (sev4 by
 * default) gets no reminders.
 */
public record IncidentsConfig(Optional<ChannelRef> announceChannel,
                              Optional<ChannelRef> stakeholderChannel,
                              Map<Severity, Duration> updateEvery,
                              String timelineReaction) {

    public static final String DEFAULT_TIMELINE_REACTION = "pushpin";

    public IncidentsConfig {
        updateEvery = updateEvery.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(updateEvery));
    }

    public static Map<Severity, Duration> defaultUpdateEvery() {
        Map<Severity, Duration> cadence = new EnumMap<>(Severity.class);
        cadence.put(Severity.SEV1, Duration.ofMinutes(30));
        cadence.put(Severity.SEV2, Duration.ofMinutes(60));
        cadence.put(Severity.SEV3, Duration.ofHours(4));
        return cadence;
    }

    public static IncidentsConfig defaults() {
        return new IncidentsConfig(Optional.empty(), Optional.empty(), defaultUpdateEvery(), DEFAULT_TIMELINE_REACTION);
    }

    public Optional<Duration> updateEvery(Severity severity) {
        return Optional.ofNullable(updateEvery.get(severity));
    }
}
