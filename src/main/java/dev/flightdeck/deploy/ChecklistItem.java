package dev.flightdeck.deploy;

import java.time.Instant;

/**
 * One item of a deploy's checklist, as stored: its place in the list, its text (from the team file or typed with the
 * request, kept as written), and who ticked it and when (both null while it is not ticked).
 */
public record ChecklistItem(int ordinal, String text, String tickedBy, Instant tickedAt) {

    public static ChecklistItem open(int ordinal, String text) {
        return new ChecklistItem(ordinal, text, null, null);
    }

    public boolean ticked() {
        return tickedBy != null;
    }
}
