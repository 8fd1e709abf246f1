package dev.flightdeck.alarms;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where alarm episodes live (port; JDBC is the adapter). Every change is a compare-and-set on the row's version, so
 * two clicks, a Slack retry or two replicas receiving the same alarm make one decision and one message. At most one
 * episode per source and key is open (not closed) at a time: opening a second loses.
 */
public interface AlertEpisodeStore {

    /**
     * An episode as stored: its version (each write moves it on) and, once it went back to OK, when its flap window
     * ends (it is over from then: the next ALARM opens a new episode).
     */
    record Held(AlertEpisode episode, long version, Optional<Instant> endsAt) {

        public boolean endedBy(Instant now) {
            return endsAt.isPresent() && !endsAt.get().isAfter(now);
        }
    }

    /** The open (not yet closed) episode of this alert, ended or not. */
    Optional<Held> current(String source, String key);

    Optional<Held> find(long id);

    /** Stores a new open episode (its id is ignored); empty when one of the same source and key is open already. */
    Optional<Held> open(AlertEpisode episode);

    /** Closes an ended episode so that a new one may open; false when the row moved on meanwhile. */
    boolean close(Held held);

    /**
     * Writes {@code after} (latest report, okSince, acknowledgement, flaps, nudges, incident; never the message) if the
     * row is still at {@code before}'s version.
     *
     * @return the row as written, or empty when another writer moved it first (nothing written)
     */
    Optional<Held> update(Held before, AlertEpisode after, Optional<Instant> endsAt);

    /** Where the episode's message went; only the first post is kept. */
    boolean saveMessage(long id, AlertEpisode.Message message);

    /** Open episodes whose nudge time has come, oldest first. */
    List<Held> dueNudges(Instant now, int limit);

    /** The earliest nudge time of an open episode, for the waker; empty when none. */
    Optional<Instant> nextNudge();

    /** The incidents ({@code INC-n}) linked to episodes of {@code service}, newest link first. */
    List<String> incidentsOf(String service);
}
