package dev.flightdeck.incident;

import java.util.Locale;
import java.util.Optional;

/** Incident severity; SEV1 is the most severe. Written sev1..sev4 in the team config and in commands. */
public enum Severity {
    SEV1, SEV2, SEV3, SEV4;

    /** "sev1".."sev4", as teams write it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is as severe as {@code threshold} or worse: SEV1 is at least SEV2. */
    public boolean isAtLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    /** Accepts sev1..sev4 in any case, with surrounding spaces. */
    public static Optional<Severity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Severity s : values()) {
            if (s.label().equals(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return label();
    }
}
