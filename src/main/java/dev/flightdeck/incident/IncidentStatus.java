package dev.flightdeck.incident;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * investigating → identified → monitoring → resolved. The one transition table is {@link #next()}: while open,
 * an incident may move between the open statuses in either direction (a fix that did not hold sends
 * monitoring back to investigating); any open status may be resolved; resolved is final.
 */
public enum IncidentStatus {
    INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED;

    public Set<IncidentStatus> next() {
        switch (this) {
            case INVESTIGATING:
                return EnumSet.of(IDENTIFIED, MONITORING, RESOLVED);
            case IDENTIFIED:
                return EnumSet.of(INVESTIGATING, MONITORING, RESOLVED);
            case MONITORING:
                return EnumSet.of(INVESTIGATING, IDENTIFIED, RESOLVED);
            case RESOLVED:
            default:
                return EnumSet.noneOf(IncidentStatus.class);
        }
    }

    /** Staying where it is counts as allowed (an update without a status change), except once resolved. */
    public boolean canMoveTo(IncidentStatus target) {
        return (target == this && this != RESOLVED) || next().contains(target);
    }

    public boolean isOpen() {
        return this != RESOLVED;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IncidentStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (IncidentStatus s : values()) {
            if (s.name().equals(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
