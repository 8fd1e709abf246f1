package dev.flightdeck.deploy;

import java.time.Instant;

/** {@code /deploy lock <service> <env> -- <reason>}: who, when and why. */
public record ManualLock(String service, String environment, String lockedBy, String reason, Instant lockedAt) {
}
