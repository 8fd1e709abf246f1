package dev.flightdeck.incident.status;

import dev.flightdeck.incident.IncidentStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The status page as the domain computes it: only what may be shown to anyone. An incident is here by its id, how
 * bad it is and the services it names; never its title (typed for the team, it may hold anything), people, channel,
 * notes or timeline. The web adapter chooses every word.
 *
 * @param overall the worst of the services' states and the open incidents' impact
 * @param updatedAt the newest time anything shown changed; the time asked when nothing is shown
 */
public record StatusView(Instant updatedAt, Impact overall, List<Component> components, List<Shown> incidents) {

    /** One team-file service, in the file's order. */
    public record Component(String name, ServiceState state, Instant updatedAt) {
    }

    /**
     * An incident with something published: open ones first (newest first), then those resolved in the last 14 days.
     *
     * @param services the team-file services it names, in the file's order
     * @param updates its public updates, newest first (the summary is apart)
     */
    public record Shown(long number, String id, Impact impact, IncidentStatus status, List<String> services,
                        Instant startedAt, Instant updatedAt, Optional<Instant> resolvedAt,
                        List<PublicUpdate> updates, Optional<PublicUpdate> summary) {

        public boolean isOpen() {
            return status.isOpen();
        }

        /** Everything published about it, newest first: the summary (newest of all) and then the updates. */
        public List<PublicUpdate> everything() {
            return summary.map(s -> java.util.stream.Stream.concat(java.util.stream.Stream.of(s), updates.stream())
                    .toList()).orElse(updates);
        }
    }
}
