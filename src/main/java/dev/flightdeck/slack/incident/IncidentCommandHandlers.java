package dev.flightdeck.slack.incident;

import dev.flightdeck.incident.Severity;
import dev.flightdeck.incident.FreezeLiftPolicy;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentResolution;
import dev.flightdeck.incident.IncidentResult;
import dev.flightdeck.incident.IncidentRole;
import dev.flightdeck.incident.IncidentService;
import dev.flightdeck.deploy.Links;
import dev.flightdeck.incident.IncidentStatus;
import dev.flightdeck.incident.summary.IncidentSummary;
import dev.flightdeck.slack.CommandHandler;
import dev.flightdeck.slack.CommandReply;
import dev.flightdeck.slack.Invocation;
import dev.flightdeck.slack.incident.FreezeRefusal;
import dev.flightdeck.slack.incident.IncidentList;
import dev.flightdeck.slack.incident.IncidentModals;
import dev.flightdeck.slack.incident.SummaryBlocks;
import dev.flightdeck.slack.incident.IncidentCommand;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.function.BiFunction;

/** Every {@code /incident} subcommand except help: parse (done) → one service call → render. */
@Factory
public class IncidentCommandHandlers {

    private final IncidentService incidents;
    private final IncidentFollowUps followUps;
    private final IncidentResolution resolution;
    private final Modals modals;
    private final Clock clock;
    private final Links links;

    public IncidentCommandHandlers(IncidentService incidents, IncidentFollowUps followUps, IncidentResolution resolution,
                                   Modals modals, Clock clock, Links links) {
        this.links = links;
        this.incidents = incidents;
        this.followUps = followUps;
        this.resolution = resolution;
        this.modals = modals;
        this.clock = clock;
    }

    @Singleton
    CommandHandler<IncidentCommand.Declare> declare() {
        return handler(IncidentCommand.Declare.class, (c, in) -> Replies.of(c, followUps.show(incidents.declare(c.title(),
                Severity.valueOf(c.severity().name()), in.userId(), in.channelId()))));
    }

    @Singleton
    CommandHandler<IncidentCommand.OpenDeclareModal> declareModal() {
        return handler(IncidentCommand.OpenDeclareModal.class, (c, in) -> {
            modals.open(in.triggerId(), IncidentModals.declare(in.channelId()));
            return CommandReply.ok(c, "Opening the form to declare an incident…");
        });
    }

    @Singleton
    CommandHandler<IncidentCommand.Role> role() {
        return handler(IncidentCommand.Role.class, (c, in) -> Replies.of(c, followUps.show(incidents.assignRole(c.incidentId(),
                in.channelId(), IncidentRole.valueOf(c.role().name()), c.userId(), in.userId()))));
    }

    @Singleton
    CommandHandler<IncidentCommand.Update> update() {
        return handler(IncidentCommand.Update.class, (c, in) -> Replies.of(c, followUps.show(incidents.update(c.incidentId(),
                in.channelId(), c.status().map(s -> IncidentStatus.valueOf(s.name())), c.text(), in.userId()))));
    }

    @Singleton
    CommandHandler<IncidentCommand.SetSeverity> severity() {
        return handler(IncidentCommand.SetSeverity.class, (c, in) -> Replies.of(c, followUps.show(incidents.changeSeverity(
                c.incidentId(), in.channelId(), Severity.valueOf(c.severity().name()), in.userId()))));
    }

    @Singleton
    CommandHandler<IncidentCommand.Note> note() {
        return handler(IncidentCommand.Note.class, (c, in) -> Replies.of(c, incidents.note(c.incidentId(),
                in.channelId(), c.text(), in.userId())));
    }

    @Singleton
    CommandHandler<IncidentCommand.Resolve> resolve() {
        return handler(IncidentCommand.Resolve.class, (c, in) -> {
            IncidentResult found = incidents.lookUp(c.incidentId(), in.channelId());
            if (!(found instanceof IncidentResult.Found f)) {
                return CommandReply.refused(c, Replies.text(found));
            }
            Incident incident = f.incident();
            if (!incident.isOpen()) {
                return CommandReply.refused(c, incident.id() + " is already resolved; `/incident summary "
                        + incident.id() + "` shows its summary.");
            }
            if (resolution.mayResolve(incident, in.userId()) instanceof FreezeLiftPolicy.Rejected no) {
                return CommandReply.refused(c, FreezeRefusal.text(no));
            }
            modals.open(in.triggerId(), IncidentModals.resolve(incident, resolution.draft(incident)));
            return CommandReply.ok(c, "Opening the resolve form for " + incident.id() + "…");
        });
    }

    @Singleton
    CommandHandler<IncidentCommand.Summary> summary() {
        return handler(IncidentCommand.Summary.class, (c, in) -> {
            IncidentResult found = incidents.lookUp(c.incidentId(), in.channelId());
            if (!(found instanceof IncidentResult.Found f)) {
                return CommandReply.refused(c, Replies.text(found));
            }
            IncidentSummary summary = resolution.summary(f.incident());
            return CommandReply.ok(c, SummaryBlocks.text(summary),
                    SummaryBlocks.blocks(summary, links.incidentPage(f.incident().number())));
        });
    }

    @Singleton
    CommandHandler<IncidentCommand.List> list() {
        return handler(IncidentCommand.List.class,
                (c, in) -> CommandReply.ok(c, IncidentList.text(incidents.open(), clock.instant())));
    }

    private static <C> CommandHandler<C> handler(Class<C> type, BiFunction<C, Invocation, CommandReply> handle) {
        return new CommandHandler<>() {
            @Override
            public Class<C> handles() {
                return type;
            }

            @Override
            public CommandReply handle(C command, Invocation invocation) {
                return handle.apply(command, invocation);
            }
        };
    }
}
