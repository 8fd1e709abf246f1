package dev.flightdeck.envconfig.change;

/** {@code config set} (a new value) or {@code config unset} (the key removed). A revert is one of these. */
public enum ChangeKind {
    SET, UNSET
}
