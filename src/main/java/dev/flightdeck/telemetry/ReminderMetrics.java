package dev.flightdeck.telemetry;

import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.ReminderObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;

import java.util.Locale;

/**
 * Update reminders sent or failed ({@code flightdeck_incident_reminders_total{role,outcome}}). A reminder is only
 * sent when an incident's update is overdue, so a steady rate means incidents are going quiet; failed ones mean
 * nobody was told. All series are registered at zero, eagerly, for the same reason as the deploy transitions.
 */
@Context
public class ReminderMetrics implements ReminderObserver {

    private final MeterRegistry registry;

    public ReminderMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Role role : Role.values()) {
            for (Outcome outcome : Outcome.values()) {
                counter(role, outcome);
            }
        }
    }

    @Override
    public void reminded(Incident incident, Role role, Outcome outcome) {
        counter(role, outcome).increment();
    }

    private Counter counter(Role role, Outcome outcome) {
        return Counter.builder("flightdeck.incident.reminders")
                .description("Overdue incident update reminders, by who was reminded and whether Slack took it")
                .tag("role", role.name().toLowerCase(Locale.ROOT))
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }
}
