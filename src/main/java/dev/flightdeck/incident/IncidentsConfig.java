package dev.flightdeck.incident;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import dev.flightdeck.incident.access.AccessConfig;
import dev.flightdeck.incident.followup.FollowUpExport;
import dev.flightdeck.incident.paging.OncallTarget;
import dev.flightdeck.team.ChannelRef;

/**
 * Incident settings. {@code updateEvery} holds the update cadence per severity; a severity missing from it (sev4 by
 * default) gets no reminders. Beyond the channel (section 14): where follow-ups are exported, the on-call targets by
 * name (file order), the severity at or above which every target is paged at declaration ({@code page-on}), and
 * break-glass access.
 */
public record IncidentsConfig(Optional<ChannelRef> announceChannel,
                              Optional<ChannelRef> stakeholderChannel,
                              Map<Severity, Duration> updateEvery,
                              String timelineReaction,
                              Optional<FollowUpExport> followUps,
                              Map<String, OncallTarget> oncall,
                              Optional<Severity> pageOn,
                              Optional<AccessConfig> access) {

    public static final String DEFAULT_TIMELINE_REACTION = "pushpin";

    public IncidentsConfig {
        updateEvery = updateEvery.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(updateEvery));
        oncall = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(oncall));
    }

    /** Settings with nothing beyond the channel: no export, no on-call targets, no paging, no access. */
    public IncidentsConfig(Optional<ChannelRef> announceChannel, Optional<ChannelRef> stakeholderChannel,
                           Map<Severity, Duration> updateEvery, String timelineReaction) {
        this(announceChannel, stakeholderChannel, updateEvery, timelineReaction, Optional.empty(), Map.of(),
                Optional.empty(), Optional.empty());
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

    /** The on-call target by the name typed; names compare without case. */
    public Optional<OncallTarget> oncallTarget(String name) {
        return oncall.values().stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Whether an incident of this severity pages every on-call target ({@code page-on}: at or above it). */
    public boolean pagesAt(Severity severity) {
        return pageOn.map(severity::isAtLeast).orElse(false);
    }
}
