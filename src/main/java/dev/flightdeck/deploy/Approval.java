package dev.flightdeck.deploy;

import java.time.Instant;

/** One go on a request; the database keeps at most one per (request, approver). */
public record Approval(long requestId, String approverId, Instant at) {
}
