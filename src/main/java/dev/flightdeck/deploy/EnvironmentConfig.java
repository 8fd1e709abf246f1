package dev.flightdeck.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import dev.flightdeck.incident.Severity;
import dev.flightdeck.team.ChannelRef;

/**
 * The deploy policy of one environment: who approves and how many, when deploys may run, what freezes them. An empty {@code window} means always open; an empty
 * {@code freezeAt} means incidents never block deploys here. {@code promotionFrom} names the environment a version
 * must have SUCCEEDED in first (gate {@code promoted}); {@code checklist} is this environment's own items;
 * {@code alerts} how its services' alarms are posted (DESIGN section 13); {@code slots} its {@code max-hold} and
 * {@code versions} (DESIGN section 15).
 */
public record EnvironmentConfig(String name,
                                ChannelRef channel,
                                int approvals,
                                List<ApproverRef> approvers,
                                boolean selfApproval,
                                Optional<DeployWindow> window,
                                Optional<Severity> freezeAt,
                                Set<Gate> gates,
                                boolean autoStart,
                                Duration nudgeAfter,
                                Duration runnerNudgeAfter,
                                Duration expireAfter,
                                Duration postReleaseCheck,
                                Duration buildSilence,
                                Optional<String> promotionFrom,
                                List<String> checklist,
                                AlertSettings alerts,
                                SlotSettings slots) {

    public static final Duration DEFAULT_NUDGE_AFTER = Duration.ofMinutes(15);
    public static final Duration DEFAULT_RUNNER_NUDGE_AFTER = Duration.ofMinutes(10);
    public static final Duration DEFAULT_EXPIRE_AFTER = Duration.ofHours(4);
    public static final Duration DEFAULT_POST_RELEASE_CHECK = Duration.ofMinutes(5);
    /** A build with no status for this long is polled from its backend, webhooks or not (a lost webhook must not hide a finished build). */
    public static final Duration DEFAULT_BUILD_SILENCE = Duration.ofMinutes(15);

    public EnvironmentConfig {
        java.util.Objects.requireNonNull(alerts, "alerts");
        java.util.Objects.requireNonNull(slots, "slots");
        approvers = List.copyOf(approvers);
        gates = Set.copyOf(gates);
        checklist = List.copyOf(checklist);
    }

    /** With the shared-use settings at their defaults. */
    public EnvironmentConfig(String name, ChannelRef channel, int approvals, List<ApproverRef> approvers,
                             boolean selfApproval, Optional<DeployWindow> window, Optional<Severity> freezeAt,
                             Set<Gate> gates, boolean autoStart, Duration nudgeAfter, Duration runnerNudgeAfter,
                             Duration expireAfter, Duration postReleaseCheck, Duration buildSilence,
                             Optional<String> promotionFrom, List<String> checklist, AlertSettings alerts) {
        this(name, channel, approvals, approvers, selfApproval, window, freezeAt, gates, autoStart, nudgeAfter,
                runnerNudgeAfter, expireAfter, postReleaseCheck, buildSilence, promotionFrom, checklist, alerts,
                SlotSettings.DEFAULTS);
    }

    /** The same settings under another name: a slot of a pool that the team file does not declare itself. */
    public EnvironmentConfig named(String slot) {
        return new EnvironmentConfig(slot, channel, approvals, approvers, selfApproval, window, freezeAt, gates,
                autoStart, nudgeAfter, runnerNudgeAfter, expireAfter, postReleaseCheck, buildSilence, promotionFrom,
                checklist, alerts, slots);
    }

    /** With the alert settings at their defaults. */
    public EnvironmentConfig(String name, ChannelRef channel, int approvals, List<ApproverRef> approvers,
                             boolean selfApproval, Optional<DeployWindow> window, Optional<Severity> freezeAt,
                             Set<Gate> gates, boolean autoStart, Duration nudgeAfter, Duration runnerNudgeAfter,
                             Duration expireAfter, Duration postReleaseCheck, Duration buildSilence,
                             Optional<String> promotionFrom, List<String> checklist) {
        this(name, channel, approvals, approvers, selfApproval, window, freezeAt, gates, autoStart, nudgeAfter,
                runnerNudgeAfter, expireAfter, postReleaseCheck, buildSilence, promotionFrom, checklist,
                AlertSettings.DEFAULTS);
    }

    /** With no {@code promotion-from} and no checklist. */
    public EnvironmentConfig(String name, ChannelRef channel, int approvals, List<ApproverRef> approvers,
                             boolean selfApproval, Optional<DeployWindow> window, Optional<Severity> freezeAt,
                             Set<Gate> gates, boolean autoStart, Duration nudgeAfter, Duration runnerNudgeAfter,
                             Duration expireAfter, Duration postReleaseCheck, Duration buildSilence) {
        this(name, channel, approvals, approvers, selfApproval, window, freezeAt, gates, autoStart, nudgeAfter,
                runnerNudgeAfter, expireAfter, postReleaseCheck, buildSilence, Optional.empty(), List.of());
    }

    /** With the default {@code build-silence}. */
    public EnvironmentConfig(String name, ChannelRef channel, int approvals, List<ApproverRef> approvers,
                             boolean selfApproval, Optional<DeployWindow> window, Optional<Severity> freezeAt,
                             Set<Gate> gates, boolean autoStart, Duration nudgeAfter, Duration runnerNudgeAfter,
                             Duration expireAfter, Duration postReleaseCheck) {
        this(name, channel, approvals, approvers, selfApproval, window, freezeAt, gates, autoStart, nudgeAfter,
                runnerNudgeAfter, expireAfter, postReleaseCheck, DEFAULT_BUILD_SILENCE);
    }

    /** Approvals == 0 means the deploy is only announced, never waits for a go. */
    public boolean announceOnly() {
        return approvals == 0;
    }

    public boolean hasGate(Gate gate) {
        return gates.contains(gate);
    }

    public boolean windowOpenAt(Instant instant) {
        return window.map(w -> w.contains(instant)).orElse(true);
    }

    /** True when an open incident of this severity freezes deploys here. */
    public boolean frozenBy(Severity incidentSeverity) {
        return freezeAt.map(incidentSeverity::isAtLeast).orElse(false);
    }

    /** The gates that apply when the team does not list them: lock, alarms, config and ci always (ci passes for a
     *  service without a {@code repo}); window and freeze only when a window or a freeze severity is set. */
    public static Set<Gate> defaultGates(boolean hasWindow, boolean hasFreeze) {
        Set<Gate> gates = EnumSet.of(Gate.LOCK, Gate.ALARMS, Gate.CONFIG, Gate.CI);
        if (hasWindow) {
            gates.add(Gate.WINDOW);
        }
        if (hasFreeze) {
            gates.add(Gate.FREEZE);
        }
        return gates;
    }

    /** The defaults above, plus {@code promoted} when the environment promotes from another. */
    public static Set<Gate> defaultGates(boolean hasWindow, boolean hasFreeze, boolean promotes) {
        Set<Gate> gates = EnumSet.copyOf(defaultGates(hasWindow, hasFreeze));
        if (promotes) {
            gates.add(Gate.PROMOTED);
        }
        return gates;
    }
}
