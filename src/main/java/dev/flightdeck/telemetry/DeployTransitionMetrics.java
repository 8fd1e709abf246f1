package dev.flightdeck.telemetry;

import dev.flightdeck.deploy.DeployEvent;
import dev.flightdeck.deploy.DeployObserver;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Deploy transitions by the state entered ({@code flightdeck_deploy_transitions_total{to="trigger_failed"}}), so
 * an alert can fire on failed build triggers. Every state is registered at start-up so the series exist at zero
 * and rate() sees the first failure rather than a series appearing from nothing; {@code @Context} for the same
 * reason (a lazily created observer would register nothing until the first deploy).
 */
@Context
public class DeployTransitionMetrics implements DeployObserver {

    private final Map<DeployState, Counter> counters = new EnumMap<>(DeployState.class);

    public DeployTransitionMetrics(MeterRegistry registry) {
        for (DeployState state : DeployState.values()) {
            counters.put(state, Counter.builder("flightdeck.deploy.transitions")
                    .description("Deploy state transitions, by the state entered")
                    .tag("to", state.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
    }

    @Override
    public void transitioned(DeployRequest before, DeployRequest after, DeployEvent event, String actor) {
        counters.get(after.state()).increment();
    }
}
