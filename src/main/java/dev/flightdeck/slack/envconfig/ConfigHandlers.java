package dev.flightdeck.slack.envconfig;

import dev.flightdeck.audit.AuditType;
import dev.flightdeck.audit.Auditor;
import dev.flightdeck.envconfig.ConfigCheckReport;
import dev.flightdeck.envconfig.EnvConfigService;
import dev.flightdeck.slack.CommandHandler;
import dev.flightdeck.slack.CommandReply;
import dev.flightdeck.slack.Invocation;
import dev.flightdeck.slack.envconfig.CheckBlocks;
import dev.flightdeck.slack.envconfig.ConfigBlocks;
import dev.flightdeck.slack.envconfig.DiffBlocks;
import dev.flightdeck.slack.envconfig.Rendered;
import dev.flightdeck.slack.deploy.DeployCommand;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /deploy config}, {@code config diff} and {@code config check}: each checks what it can from the team config
 * at once, acks with "Looking up…", and answers through the response_url when AWS has answered.
 */
@Factory
public class ConfigHandlers {

    static final AuditType CONFIG_CHECKED = new AuditType("config.checked", 1);

    private final EnvConfigService service;
    private final Lookups lookups;
    // A provider: the audit store (database) is needed when a check runs, not while the application starts.
    private final Provider<Auditor> auditor;

    public ConfigHandlers(EnvConfigService service, Lookups lookups, Provider<Auditor> auditor) {
        this.service = service;
        this.lookups = lookups;
        this.auditor = auditor;
    }

    @Singleton
    CommandHandler<DeployCommand.Config> show() {
        return handler(DeployCommand.Config.class, (c, inv) -> {
            if (!service.hasSources(c.service())) {
                return noSources(c, c.service());
            }
            return later(c, inv, "read the configuration of " + c.service() + " in " + c.env(),
                    "Looking up the configuration of *" + c.service() + "* in *" + c.env() + "*…",
                    () -> ConfigBlocks.render(service.show(c.service(), c.env())));
        });
    }

    @Singleton
    CommandHandler<DeployCommand.ConfigDiff> diff() {
        return handler(DeployCommand.ConfigDiff.class, (c, inv) -> {
            if (!service.hasSources(c.service())) {
                return noSources(c, c.service());
            }
            return later(c, inv, "compare the configuration of " + c.service() + " in " + c.envA() + " and " + c.envB(),
                    "Comparing the configuration of *" + c.service() + "* in *" + c.envA() + "* and *" + c.envB() + "*…",
                    () -> DiffBlocks.render(service.diff(c.service(), c.envA(), c.envB())));
        });
    }

    @Singleton
    CommandHandler<DeployCommand.ConfigCheck> check() {
        return handler(DeployCommand.ConfigCheck.class, (c, inv) -> {
            if (!service.hasSources(c.service())) {
                return noSources(c, c.service());
            }
            return later(c, inv, "check the configuration of " + c.service() + " in " + c.env(),
                    "Checking the configuration rules of *" + c.service() + "* in *" + c.env() + "*…",
                    () -> {
                        ConfigCheckReport report = service.check(c.service(), c.env());
                        audit(inv, report);
                        return CheckBlocks.render(report);
                    });
        });
    }

    /** Who checked what and the verdict: keys and rule names only, never a value. */
    private void audit(Invocation inv, ConfigCheckReport report) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("service", report.service());
        payload.put("env", report.env());
        payload.put("passes", report.passes());
        payload.put("blocking", report.blocking().stream().map(r -> r.key() + " " + r.rule().label()).toList());
        auditor.get().record(CONFIG_CHECKED, inv.userId(), payload);
    }

    private <C> CommandReply later(C command, Invocation inv, String what, String ack, Supplier<Rendered> work) {
        if (!lookups.answerLater(inv, what, work)) {
            return CommandReply.refused(command, "Flightdeck is busy with other lookups; try again in a minute.");
        }
        return CommandReply.ok(command, ack);
    }

    static CommandReply noSources(Object command, String serviceName) {
        return CommandReply.refused(command, "*" + serviceName + "* has no configuration sources in the team config: add "
                + "`config: ssm-path:` or `config: secrets:` under `services: " + serviceName + ":`.");
    }

    interface Handle<C> {
        CommandReply apply(C command, Invocation invocation);
    }

    static <C> CommandHandler<C> handler(Class<C> type, Handle<C> handle) {
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
