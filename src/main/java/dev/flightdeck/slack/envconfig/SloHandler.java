package dev.flightdeck.slack.envconfig;

import dev.flightdeck.alarms.SloService;
import dev.flightdeck.slack.CommandHandler;
import dev.flightdeck.slack.CommandReply;
import dev.flightdeck.slack.deploy.DeployCommand;
import dev.flightdeck.team.TeamConfig;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import static dev.flightdeck.slack.envconfig.ConfigHandlers.handler;

/** {@code /deploy slo [service] [env]}: ack at once, read the metrics after, answer by the response URL. */
@Factory
public class SloHandler {

    private final TeamConfig team;
    private final SloService slos;
    private final Lookups lookups;

    public SloHandler(TeamConfig team, SloService slos, Lookups lookups) {
        this.team = team;
        this.slos = slos;
        this.lookups = lookups;
    }

    @Singleton
    CommandHandler<DeployCommand.Slo> slo() {
        return handler(DeployCommand.Slo.class, (c, inv) -> {
            if (c.service().isPresent() && team.service(c.service().get()).flatMap(s -> s.slo()).isEmpty()) {
                return CommandReply.refused(c, "*" + c.service().get() + "* has no SLO in the team config: add `slo: "
                        + "{ objective: 99.9%, window: 28d, good: {…}, total: {…} }` under `services: "
                        + c.service().get() + ":`.");
            }
            String scope = c.service().map(s -> "of " + s).orElse("of all services")
                    + c.env().map(e -> " in " + e).orElse("");
            boolean queued = lookups.answerLater(inv, "read the error budgets " + scope,
                    () -> SloBlocks.render(scope, slos.readings(c.service(), c.env())));
            return queued ? CommandReply.ok(c, "Reading the error budgets " + scope + "…")
                    : CommandReply.refused(c, "Flightdeck is busy with other lookups; try again in a minute.");
        });
    }
}
