package dev.flightdeck.slack.envconfig;

import dev.flightdeck.alarms.AlarmService;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.health.HealthChecker;
import dev.flightdeck.slack.CommandHandler;
import dev.flightdeck.slack.CommandReply;
import dev.flightdeck.slack.envconfig.AlarmBlocks;
import dev.flightdeck.slack.envconfig.HealthBlocks;
import dev.flightdeck.slack.deploy.DeployCommand;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.Optional;

import static dev.flightdeck.slack.envconfig.ConfigHandlers.handler;

/** {@code /deploy alarms [service] [env]} and {@code /deploy health <service> <env>}: ack at once, answer later. */
@Factory
public class AlarmsAndHealthHandlers {

    private final TeamConfig team;
    private final AlarmService alarms;
    private final HealthChecker health;
    private final Lookups lookups;

    public AlarmsAndHealthHandlers(TeamConfig team, AlarmService alarms, HealthChecker health, Lookups lookups) {
        this.team = team;
        this.alarms = alarms;
        this.health = health;
        this.lookups = lookups;
    }

    @Singleton
    CommandHandler<DeployCommand.Alarms> alarms() {
        return handler(DeployCommand.Alarms.class, (c, inv) -> {
            Optional<String> service = c.service();
            if (service.isPresent() && team.service(service.get()).flatMap(s -> s.alarms()).isEmpty()) {
                return CommandReply.refused(c, "*" + service.get() + "* has no alarms in the team config: add `alarms: "
                        + "prefix:` or `alarms: tag:` under `services: " + service.get() + ":`.");
            }
            String scope = service.map(s -> "of " + s).orElse("of all services") + c.env().map(e -> " in " + e).orElse("");
            boolean queued = lookups.answerLater(inv, "read the alarms " + scope,
                    () -> AlarmBlocks.render(scope, alarms.notOk(service, c.env())));
            return queued ? CommandReply.ok(c, "Looking up the alarms " + scope + "…")
                    : CommandReply.refused(c, "Flightdeck is busy with other lookups; try again in a minute.");
        });
    }

    @Singleton
    CommandHandler<DeployCommand.Health> health() {
        return handler(DeployCommand.Health.class, (c, inv) -> {
            var config = team.service(c.service()).orElseThrow();
            Optional<URI> url = config.healthUrl(c.env());
            if (url.isEmpty()) {
                String known = config.health().isEmpty() ? "none" : String.join(", ", config.health().keySet());
                return CommandReply.refused(c, "*" + c.service() + "* has no health URL for *" + c.env()
                        + "* in the team config (it has one for: " + known + "). Add it under `services: "
                        + c.service() + ": health:`.");
            }
            boolean queued = lookups.answerLater(inv, "check the health of " + c.service() + " in " + c.env(),
                    () -> HealthBlocks.render(c.service(), c.env(), health.check(url.get())));
            return queued ? CommandReply.ok(c, "Calling the health check of *" + c.service() + "* in *" + c.env() + "*…")
                    : CommandReply.refused(c, "Flightdeck is busy with other lookups; try again in a minute.");
        });
    }
}
