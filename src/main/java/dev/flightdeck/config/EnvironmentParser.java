package dev.flightdeck.config;

import dev.flightdeck.text.Closest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.flightdeck.config.ErrorSink.show;
import dev.flightdeck.deploy.ApproverRef;
import dev.flightdeck.deploy.DeployWindow;
import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.deploy.Gate;
import dev.flightdeck.incident.Severity;
import dev.flightdeck.deploy.AlertSettings;
import dev.flightdeck.team.ChannelRef;
import dev.flightdeck.text.Durations;

/** flightdeck.environments.NAME: one environment's deploy policy. */
final class EnvironmentParser {
    static final Set<String> KEYS = new LinkedHashSet<>(List.of("channel", "approvals", "approvers", "self-approval",
            "window", "freeze-at", "gates", "auto-start", "nudge-after", "runner-nudge-after", "expire-after",
            "post-release-check", "build-silence", "promotion-from", "checklist", "alerts-channel", "alert-severity",
            "alert-nudge-after", "alarm-flap-window", "max-hold", "versions"));

    private EnvironmentParser() {
    }

    /** Empty when something required is missing or wrong; the errors are in the section's sink. */
    static Optional<EnvironmentConfig> parse(String name, Section s, Set<String> environments) {
        int before = s.errors().count();
        s.allowOnly(KEYS);
        Optional<ChannelRef> channel = channel(s, "channel", true);
        Optional<Integer> approvals = s.wholeNumber("approvals", 0);
        if (!s.has("approvals")) {
            s.error("approvals", "is required: how many approvals a deploy needs (0 = announce only)");
        }
        List<ApproverRef> approvers = approvers(s);
        boolean listsAny = s.raw("approvers") instanceof List<?> l ? !l.isEmpty() : s.has("approvers");
        if (approvals.orElse(0) > 0 && !listsAny) {
            s.error("approvers", "is required when approvals is " + approvals.get() + ": nobody could approve");
        }
        boolean selfApproval = s.bool("self-approval").orElse(approvals.orElse(0) == 0);
        Optional<DeployWindow> window = window(s);
        Optional<Severity> freezeAt = severity(s, "freeze-at");
        Optional<String> promotionFrom = promotionFrom(name, s, environments);
        Set<Gate> gates = gates(s, window.isPresent() || s.has("window"), freezeAt.isPresent() || s.has("freeze-at"),
                s.has("promotion-from"));
        List<String> checklist = ServiceParser.checklistItems(s, "checklist").orElse(List.of());
        boolean autoStart = s.bool("auto-start").orElse(true);
        Duration nudge = s.duration("nudge-after").orElse(EnvironmentConfig.DEFAULT_NUDGE_AFTER);
        Duration runnerNudge = s.duration("runner-nudge-after").orElse(EnvironmentConfig.DEFAULT_RUNNER_NUDGE_AFTER);
        Duration expire = s.duration("expire-after").orElse(EnvironmentConfig.DEFAULT_EXPIRE_AFTER);
        Duration postRelease = s.duration("post-release-check").orElse(EnvironmentConfig.DEFAULT_POST_RELEASE_CHECK);
        Duration buildSilence = s.duration("build-silence").orElse(EnvironmentConfig.DEFAULT_BUILD_SILENCE);
        if (buildSilence.compareTo(Duration.ofMinutes(1)) < 0) {
            s.error("build-silence", "must be at least 1m: a build is polled from its backend after this long without news");
        }
        // A nudge after expiry never fires, which is the silent seven-hour wait this tool exists to prevent.
        if (nudge.compareTo(expire) >= 0) {
            s.error("nudge-after", "must be shorter than expire-after (" + Durations.format(expire)
                    + "), or approvers are never nudged");
        }
        if (runnerNudge.compareTo(expire) >= 0) {
            s.error("runner-nudge-after", "must be shorter than expire-after (" + Durations.format(expire)
                    + "), or the runner is never nudged");
        }
        AlertSettings alerts = alerts(s);
        dev.flightdeck.deploy.SlotSettings slots = slots(s);
        if (s.errors().count() > before || channel.isEmpty() || approvals.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new EnvironmentConfig(name, channel.get(), approvals.get(), approvers, selfApproval, window,
                freezeAt, gates, autoStart, nudge, runnerNudge, expire, postRelease, buildSilence, promotionFrom, checklist,
                alerts, slots));
    }

    /** max-hold and versions (DESIGN section 15): how long a slot may be held, whether branches deploy here. */
    private static dev.flightdeck.deploy.SlotSettings slots(Section s) {
        Duration maxHold = s.duration("max-hold").orElse(dev.flightdeck.deploy.SlotSettings.DEFAULT_MAX_HOLD);
        if (maxHold.compareTo(Duration.ofHours(1)) < 0
                || maxHold.compareTo(dev.flightdeck.deploy.SlotSettings.LONGEST_MAX_HOLD) > 0) {
            s.error("max-hold", "must be between 1h and 7d: the longest a shared slot is held, extensions included");
        }
        Optional<String> versions = s.string("versions");
        if (s.has("versions") && !versions.map(v -> v.equals("branches") || v.equals("releases")).orElse(false)) {
            s.error("versions", "must be branches (a branch name may be deployed as the version) or releases (the"
                    + " default), got " + show(s.raw("versions")));
        }
        return new dev.flightdeck.deploy.SlotSettings(maxHold, versions.filter("branches"::equals).isPresent());
    }

    /** alerts-channel, alert-severity, alert-nudge-after, alarm-flap-window (DESIGN section 13). */
    private static AlertSettings alerts(Section s) {
        Optional<ChannelRef> channel = channel(s, "alerts-channel", false);
        Severity severity = severity(s, "alert-severity").orElse(AlertSettings.DEFAULTS.severity());
        Duration nudge = s.duration("alert-nudge-after").orElse(AlertSettings.DEFAULT_NUDGE_AFTER);
        if (nudge.compareTo(Duration.ofMinutes(1)) < 0) {
            s.error("alert-nudge-after", "must be at least 1m: an unacknowledged alarm pings people again after this");
        }
        Duration flap = s.duration("alarm-flap-window").orElse(AlertSettings.DEFAULT_FLAP_WINDOW);
        if (flap.compareTo(Duration.ofHours(24)) > 0) {
            s.error("alarm-flap-window", "must be at most 24h: an alarm back after that is a new episode");
        }
        return new AlertSettings(channel, severity, nudge, flap);
    }

    private static Optional<String> promotionFrom(String name, Section s, Set<String> environments) {
        Optional<String> from = s.string("promotion-from");
        if (from.isEmpty()) {
            return Optional.empty();
        }
        if (from.get().equals(name)) {
            s.error("promotion-from", "names this environment itself; name the one versions must succeed in first");
            return Optional.empty();
        }
        if (!environments.contains(from.get())) {
            s.error("promotion-from", ServiceParser.unknownEnvironment(from.get(), environments));
            return Optional.empty();
        }
        return from;
    }

    /** Channels are shared with the incidents section, which has its own optional ones. */
    static Optional<ChannelRef> channel(Section s, String key, boolean required) {
        if (s.setToNothing(key)) {
            s.error(key, "is empty; quote channel names (\"#deploys\"): in YAML an unquoted # starts a comment");
            return Optional.empty();
        }
        if (!s.has(key)) {
            if (required) {
                s.error(key, "is required: a channel id like C0123 or a quoted \"#channel-name\"");
            }
            return Optional.empty();
        }
        Optional<String> text = s.string(key);
        Optional<ChannelRef> ref = text.flatMap(ChannelRef::parse);
        if (text.isPresent() && ref.isEmpty()) {
            String hint = text.get().matches("[a-z0-9_-]+") ? "; did you mean \"#" + text.get() + "\"?" : "";
            s.error(key, "must be a channel id like C0123 or a #channel-name (lowercase), got " + show(text.get()) + hint);
        }
        return ref;
    }

    static List<ApproverRef> approvers(Section s) {
        List<String> texts = s.stringList("approvers").orElse(List.of());
        List<ApproverRef> refs = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            Optional<ApproverRef> ref = ApproverRef.parse(text);
            if (ref.isPresent()) {
                refs.add(ref.get());
            } else {
                // A mention copied from Slack (<@U0123|name>) contains the id the team meant.
                var mention = java.util.regex.Pattern.compile("<@([UW][A-Z0-9]+)(\\|[^>]*)?>").matcher(text);
                String hint = mention.matches() ? "; did you mean " + mention.group(1) + "?" : "";
                s.error("approvers[" + i + "]", "must be a user id like U0123 or a quoted user-group handle like "
                        + "\"@release-managers\", got " + show(text) + hint);
            }
        }
        return refs;
    }

    private static Optional<DeployWindow> window(Section s) {
        Optional<String> text = s.string("window");
        try {
            return text.map(DeployWindow::parse);
        } catch (IllegalArgumentException e) {
            s.error("window", e.getMessage());
            return Optional.empty();
        }
    }

    static Optional<Severity> severity(Section s, String key) {
        Object raw = s.raw(key);
        if (raw == null) {
            return Optional.empty();
        }
        Optional<Severity> sev = raw instanceof String t ? Severity.parse(t) : Optional.empty();
        if (sev.isEmpty()) {
            s.error(key, "must be one of sev1, sev2, sev3, sev4, got " + show(raw));
        }
        return sev;
    }

    private static Set<Gate> gates(Section s, boolean hasWindow, boolean hasFreeze, boolean promotes) {
        if (!s.has("gates")) {
            return EnvironmentConfig.defaultGates(hasWindow, hasFreeze, promotes);
        }
        List<String> texts = s.stringList("gates").orElse(List.of());
        Set<Gate> gates = EnumSet.noneOf(Gate.class);
        List<String> names = Arrays.stream(Gate.values()).map(Gate::key).toList();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            Optional<Gate> gate = Gate.parse(text);
            if (gate.isPresent()) {
                gates.add(gate.get());
            } else {
                String hint = Closest.suggestion(text, names).map(n -> "did you mean \"" + n + "\"?")
                        .orElse("gates are " + String.join(", ", names));
                s.error("gates[" + i + "]", "unknown gate " + show(text) + "; " + hint);
            }
        }
        if (gates.contains(Gate.WINDOW) && !hasWindow) {
            s.error("gates", "lists window, but no window is set for this environment");
        }
        if (gates.contains(Gate.PROMOTED) && !promotes) {
            s.error("gates", "lists promoted, but no promotion-from is set for this environment");
        }
        if (gates.contains(Gate.FREEZE) && !hasFreeze) {
            s.error("gates", "lists freeze, but no freeze-at severity is set for this environment");
        }
        return gates;
    }
}
