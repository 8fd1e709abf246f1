package dev.flightdeck.slack;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.util.Locale;

/** Commands handled, by command, type (help, request, status, …) and outcome (ok, invalid, not_built, error). */
@Singleton
public class CommandMetrics {

    public enum Outcome { OK, INVALID, NOT_BUILT, ERROR }

    private final MeterRegistry registry;

    public CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void handled(String command, String type, Outcome outcome) {
        Counter.builder("flightdeck.slack.commands")
                .description("Slash commands handled")
                .tag("command", command.replace("/", ""))
                .tag("type", type.toLowerCase(Locale.ROOT))
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }
}
