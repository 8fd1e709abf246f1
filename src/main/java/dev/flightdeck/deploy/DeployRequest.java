package dev.flightdeck.deploy;

import java.time.Instant;
import java.util.Optional;

/**
 * One deploy request as stored. Nullable components are marked; the {@code with…} methods give the row a
 * transition writes.
 *
 * @param runnerId      who runs the build: the requester unless someone else was named
 * @param note          the requester's note, or null
 * @param rollbackOf    for a rollback, the request whose version is being rolled back from; else null
 * @param stateActor    who made the last transition (a user id or {@code system:…}), null while REQUESTED
 * @param stateReason   why (no-go reason, trigger failure, cancel), or null
 * @param nextNudgeAt   when the scheduler next pings approvers (REQUESTED) or the runner (APPROVED); null: never
 * @param expiresAt     when a pending request expires; null once it is no longer pending
 * @param channelId     where the go/no-go message is, null until posted
 */
public record DeployRequest(long id, String service, String environment, String version,
                            String requesterId, String runnerId, String note, Long rollbackOf,
                            DeployState state, int approvalsRequired, Instant requestedAt,
                            String stateActor, String stateReason, Instant stateChangedAt,
                            Instant startedAt, Instant finishedAt,
                            Instant nextNudgeAt, int nudgesSent, Instant expiresAt,
                            String channelId, String messageTs, String buildLabel, String buildUrl) {

    public Optional<String> noteText() {
        return Optional.ofNullable(note);
    }

    public boolean isRollback() {
        return rollbackOf != null;
    }

    public boolean hasMessage() {
        return channelId != null && messageTs != null;
    }

    public String envUpper() {
        return environment.toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * The row after entering {@code to}, moved by {@code actor} at {@code at}; its timestamps and timers are what
     * {@link DeployTransitions#entering} says entering that state does.
     */
    public DeployRequest moved(DeployState to, String actor, String reason, Instant at, DeployTransitions.Timers timers) {
        DeployTransitions.Entry entry = DeployTransitions.entering(this, to, at, timers);
        return new DeployRequest(id, service, environment, version, requesterId, runnerId, note, rollbackOf,
                to, approvalsRequired, requestedAt, actor, reason, at, entry.startedAt(), entry.finishedAt(),
                entry.nextNudgeAt(), 0, entry.expiresAt(), channelId, messageTs, buildLabel, buildUrl);
    }

    public DeployRequest withBuild(String label, String url) {
        return new DeployRequest(id, service, environment, version, requesterId, runnerId, note, rollbackOf,
                state, approvalsRequired, requestedAt, stateActor, stateReason, stateChangedAt, startedAt, finishedAt,
                nextNudgeAt, nudgesSent, expiresAt, channelId, messageTs,
                label == null ? buildLabel : label, url == null ? buildUrl : url);
    }

    public DeployRequest withMessage(String channel, String ts) {
        return new DeployRequest(id, service, environment, version, requesterId, runnerId, note, rollbackOf,
                state, approvalsRequired, requestedAt, stateActor, stateReason, stateChangedAt, startedAt, finishedAt,
                nextNudgeAt, nudgesSent, expiresAt, channel, ts, buildLabel, buildUrl);
    }
}
