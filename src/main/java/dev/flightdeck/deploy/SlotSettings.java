package dev.flightdeck.deploy;

import java.time.Duration;

/**
 * An environment's settings for shared use (DESIGN section 15). {@code maxHold} ({@code max-hold}, default 24h) is
 * the longest a slot of this environment's pool may be held in one go, extensions included; a claim with no
 * {@code for} holds {@link #DEFAULT_HOLD} (or {@code maxHold} when that is shorter). {@code branches}
 * ({@code versions: branches}) lets a branch name be deployed here as the version; elsewhere a version that looks
 * like a branch is refused.
 */
public record SlotSettings(Duration maxHold, boolean branches) {

    public static final Duration DEFAULT_HOLD = Duration.ofHours(4);
    public static final Duration DEFAULT_MAX_HOLD = Duration.ofHours(24);
    public static final Duration MIN_HOLD = Duration.ofMinutes(30);
    public static final Duration LONGEST_MAX_HOLD = Duration.ofDays(7);
    public static final SlotSettings DEFAULTS = new SlotSettings(DEFAULT_MAX_HOLD, false);

    public SlotSettings {
        java.util.Objects.requireNonNull(maxHold, "maxHold");
    }

    /** How long a claim holds when it names no duration. */
    public Duration defaultHold() {
        return DEFAULT_HOLD.compareTo(maxHold) <= 0 ? DEFAULT_HOLD : maxHold;
    }
}
