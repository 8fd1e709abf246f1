package dev.flightdeck.slack.deploy;

import dev.flightdeck.text.Durations;
import dev.flightdeck.deploy.Approval;
import dev.flightdeck.deploy.DeployQueries;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.deploy.LiveVersions;
import dev.flightdeck.slack.CommandHandler;
import dev.flightdeck.slack.CommandReply;
import dev.flightdeck.slack.Invocation;
import dev.flightdeck.slack.blocks.SlackTime;
import dev.flightdeck.slack.deploy.DeployCommand;
import dev.flightdeck.text.Mrkdwn;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** {@code /deploy status [service]} and {@code /deploy history <service> [env] [n]}: reads only, answered in the ack. */
@Factory
public class QueryHandlers {

    @Singleton
    CommandHandler<DeployCommand.Status> status(Provider<DeployQueries> queries, Provider<LiveVersions> live, Clock clock,
                                                Provider<dev.flightdeck.deploy.slots.SlotClaims> slots) {
        return new CommandHandler<>() {
            public Class<DeployCommand.Status> handles() {
                return DeployCommand.Status.class;
            }

            public CommandReply handle(DeployCommand.Status c, Invocation invocation) {
                DeployQueries.Status s = queries.get().status(c.service());
                String scope = c.service().map(x -> " of " + x).orElse("");
                // Shared slots belong to no service: listed when the status is not about one.
                String liveSection = live(live.get().of(c.service())) + (c.service().isPresent() ? ""
                        : dev.flightdeck.slack.deploy.slots.SlotWords.board(slots.get().board()));
                if (s.active().isEmpty() && s.locks().isEmpty()) {
                    return CommandReply.ok(c, "No deploys" + scope + " pending or running, and no locks." + liveSection);
                }
                StringBuilder out = new StringBuilder();
                out.append("*Pending and running deploys").append(scope).append("*\n");
                out.append(s.active().isEmpty() ? "none\n" : s.active().stream()
                        .map(r -> "• " + line(r) + ": *" + r.state().label() + "*" + waiting(r, queries.get(), clock))
                        .collect(Collectors.joining("\n", "", "\n")));
                out.append("*Locks*\n");
                out.append(s.locks().isEmpty() ? "none" : s.locks().stream()
                        .map(l -> "• :lock: " + l.service() + " in " + l.environment().toUpperCase(java.util.Locale.ROOT)
                                + " by <@" + l.lockedBy() + "> since " + SlackTime.of(l.lockedAt()) + ": " + Mrkdwn.escape(l.reason()))
                        .collect(Collectors.joining("\n")));
                return CommandReply.ok(c, out + liveSection);
            }
        };
    }

    @Singleton
    CommandHandler<DeployCommand.History> history(Provider<DeployQueries> queries) {
        return new CommandHandler<>() {
            public Class<DeployCommand.History> handles() {
                return DeployCommand.History.class;
            }

            public CommandReply handle(DeployCommand.History c, Invocation invocation) {
                List<DeployRequest> rows = queries.get().history(c.service(), c.env(), c.limit());
                String scope = c.service() + c.env().map(e -> " in " + e.toUpperCase(java.util.Locale.ROOT)).orElse("");
                if (rows.isEmpty()) {
                    return CommandReply.ok(c, "No deploys of " + scope + " yet.");
                }
                String lines = rows.stream().map(r -> "• " + line(r) + ": *" + r.state().label() + "*"
                        + approvers(queries.get().approvals(r.id())) + took(r) + ", requested " + SlackTime.of(r.requestedAt())
                        + (r.isRollback() ? " (rollback)" : "")).collect(Collectors.joining("\n"));
                return CommandReply.ok(c, "*Last " + rows.size() + " deploys of " + scope + "*\n" + lines);
            }
        };
    }

    /** Per service, the version live in each environment and since when (the end of its last successful deploy). */
    private static String live(List<LiveVersions.OfService> services) {
        if (services.isEmpty()) {
            return "";
        }
        return services.stream().map(s -> "• *" + s.service() + "*: " + s.environments().stream()
                        .map(l -> l.environment().toUpperCase(java.util.Locale.ROOT) + " " + l.deploy()
                                .map(r -> "`" + r.version() + "` since " + (r.finishedAt() == null ? "?" : SlackTime.of(r.finishedAt()))
                                        + " (#" + r.id() + ")")
                                .orElse("never deployed"))
                        .collect(Collectors.joining(" · ")))
                .collect(Collectors.joining("\n", "\n*Live versions*\n", ""));
    }

    private static String line(DeployRequest r) {
        return "#" + r.id() + " " + r.service() + " `" + r.version() + "` to " + r.envUpper();
    }

    private static String waiting(DeployRequest r, DeployQueries queries, Clock clock) {
        String age = Durations.format(Duration.ofMinutes(Duration.between(r.requestedAt(), clock.instant()).toMinutes()));
        if (r.state() == DeployState.REQUESTED) {
            return ", " + queries.approvals(r.id()).size() + " of " + r.approvalsRequired() + " approvals, requested by "
                    + DeployWords.user(r.requesterId()) + " " + age + " ago";
        }
        return ", runner <@" + r.runnerId() + ">";
    }

    private static String approvers(List<Approval> approvals) {
        return approvals.isEmpty() ? "" : ", go from " + approvals.stream().map(a -> "<@" + a.approverId() + ">")
                .collect(Collectors.joining(" "));
    }

    private static String took(DeployRequest r) {
        if (r.startedAt() == null || r.finishedAt() == null) {
            return "";
        }
        Duration d = Duration.between(r.startedAt(), r.finishedAt());
        return ", took " + (d.toMinutes() > 0 ? d.toMinutes() + "m" : d.toSeconds() + "s");
    }
}
