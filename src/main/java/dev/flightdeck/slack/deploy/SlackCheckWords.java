package dev.flightdeck.slack.deploy;

import dev.flightdeck.deploy.ApproverRef;
import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.deploy.check.CheckWords;
import dev.flightdeck.text.Mrkdwn;
import dev.flightdeck.text.UtcTime;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Check findings in mrkdwn: people as mentions Slack notifies and shows by name, typed text escaped. */
@Singleton
public class SlackCheckWords implements CheckWords {

    @Override
    public String locked(String service, String environment, String lockedBy, Instant since, String reason) {
        return service + " in " + environment.toUpperCase(Locale.ROOT) + " is locked by <@" + lockedBy + "> since "
                + UtcTime.format(since) + ": " + Mrkdwn.escape(reason);
    }

    @Override
    public String approvalRule(EnvironmentConfig env) {
        if (env.announceOnly()) {
            return "announce only: no approval needed in " + env.name().toUpperCase(Locale.ROOT);
        }
        return env.approvals() + (env.approvals() == 1 ? " go" : " goes") + " needed from " + listed(env.approvers())
                + (env.selfApproval() ? "" : "; the requester may not approve");
    }

    @Override
    public String frozen(List<FrozenBy> incidents, String environment, String threshold) {
        return incidents.stream()
                .map(i -> i.id() + " (" + i.severity() + ") is open: " + Mrkdwn.escape(i.title()))
                .collect(Collectors.joining("; ")) + " — " + environment + " is frozen at " + threshold + " or worse";
    }

    // ---- gate promoted (versions match RequestDeploy.VERSION: no markup to escape) ----

    @Override
    public String promoted(String version, String from, long deployId, Instant finishedAt) {
        return version + " succeeded in " + from.toUpperCase(Locale.ROOT) + " (deploy #" + deployId + ", "
                + UtcTime.format(finishedAt, "time unknown") + ")";
    }

    @Override
    public String notPromoted(String version, String from, Optional<String> liveThere) {
        return version + " has not succeeded in " + from.toUpperCase(Locale.ROOT)
                + liveThere.map(v -> " (live there: " + v + ")").orElse(" (nothing has succeeded there yet)");
    }

    @Override
    public String promotesFromNowhere(String environment) {
        return environment.toUpperCase(Locale.ROOT) + " names no promotion-from: any version may come here";
    }

    private static String listed(List<ApproverRef> approvers) {
        return approvers.stream()
                .map(ref -> ref instanceof ApproverRef.User user ? "<@" + user.userId() + ">" : ref.text())
                .collect(Collectors.joining(", "));
    }
}
