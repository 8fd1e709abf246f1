package dev.flightdeck.deploy;

import java.time.Instant;

/**
 * Deploy requests for tests, without the stored row's long constructor: {@code aProdRequest().by("U0DEV")
 * .approvals(2).build()}. Defaults: commons 5.11.2 to prod, requested by U1 (also the runner), one approval,
 * REQUESTED at the epoch, no message, no build.
 */
public final class DeployRequests {

    private long id = 0;
    private String service = "commons";
    private String environment = "prod";
    private String version = "5.11.2";
    private String requesterId = "U1";
    private String runnerId;
    private String note;
    private Long rollbackOf;
    private DeployState state = DeployState.REQUESTED;
    private int approvals = 1;
    private Instant requestedAt = Instant.EPOCH;
    private String stateActor;
    private String stateReason;
    private Instant stateChangedAt;
    private boolean changedAtSet;
    private Instant startedAt;
    private Instant finishedAt;
    private Instant nextNudgeAt;
    private int nudgesSent;
    private Instant expiresAt;
    private String channelId;
    private String messageTs;
    private String buildLabel;
    private String buildUrl;

    private DeployRequests() {
    }

    public static DeployRequests aRequest() {
        return new DeployRequests();
    }

    public static DeployRequests aProdRequest() {
        return new DeployRequests().to("prod");
    }

    /** Every field as in {@code r}, to change a few. */
    public static DeployRequests from(DeployRequest r) {
        DeployRequests b = new DeployRequests();
        b.id = r.id();
        b.service = r.service();
        b.environment = r.environment();
        b.version = r.version();
        b.requesterId = r.requesterId();
        b.runnerId = r.runnerId();
        b.note = r.note();
        b.rollbackOf = r.rollbackOf();
        b.state = r.state();
        b.approvals = r.approvalsRequired();
        b.requestedAt = r.requestedAt();
        b.stateActor = r.stateActor();
        b.stateReason = r.stateReason();
        b.stateChangedAt = r.stateChangedAt();
        b.changedAtSet = true;
        b.startedAt = r.startedAt();
        b.finishedAt = r.finishedAt();
        b.nextNudgeAt = r.nextNudgeAt();
        b.nudgesSent = r.nudgesSent();
        b.expiresAt = r.expiresAt();
        b.channelId = r.channelId();
        b.messageTs = r.messageTs();
        b.buildLabel = r.buildLabel();
        b.buildUrl = r.buildUrl();
        return b;
    }

    public DeployRequests id(long id) { this.id = id; return this; }
    public DeployRequests of(String service) { this.service = service; return this; }
    public DeployRequests to(String environment) { this.environment = environment; return this; }
    public DeployRequests version(String version) { this.version = version; return this; }
    /** The requester; the runner too unless {@link #runner} names someone else. */
    public DeployRequests by(String requesterId) { this.requesterId = requesterId; return this; }
    public DeployRequests runner(String runnerId) { this.runnerId = runnerId; return this; }
    public DeployRequests note(String note) { this.note = note; return this; }
    public DeployRequests rollbackOf(Long id) { this.rollbackOf = id; return this; }
    public DeployRequests approvals(int required) { this.approvals = required; return this; }
    public DeployRequests requestedAt(Instant at) { this.requestedAt = at; return this; }
    public DeployRequests nextNudgeAt(Instant at) { this.nextNudgeAt = at; return this; }
    public DeployRequests nudgesSent(int sent) { this.nudgesSent = sent; return this; }
    public DeployRequests expiresAt(Instant at) { this.expiresAt = at; return this; }
    public DeployRequests startedAt(Instant at) { this.startedAt = at; return this; }
    public DeployRequests finishedAt(Instant at) { this.finishedAt = at; return this; }
    public DeployRequests message(String channel, String ts) { this.channelId = channel; this.messageTs = ts; return this; }
    public DeployRequests build(String label, String url) { this.buildLabel = label; this.buildUrl = url; return this; }

    /** In {@code state} since {@code at}, moved there by {@code actor} (a user id or system:…), with an optional reason. */
    public DeployRequests in(DeployState state) { this.state = state; return this; }
    public DeployRequests movedBy(String actor, String reason) { this.stateActor = actor; this.stateReason = reason; return this; }
    /** When it entered its state (may be null); by default when it was requested. */
    public DeployRequests changedAt(Instant at) { this.stateChangedAt = at; this.changedAtSet = true; return this; }

    public DeployRequest build() {
        return new DeployRequest(id, service, environment, version, requesterId, runnerId == null ? requesterId : runnerId,
                note, rollbackOf, state, approvals, requestedAt, stateActor, stateReason,
                changedAtSet ? stateChangedAt : requestedAt, startedAt, finishedAt, nextNudgeAt, nudgesSent,
                expiresAt, channelId, messageTs, buildLabel, buildUrl);
    }
}
