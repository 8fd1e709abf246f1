package dev.flightdeck.incident;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Consumer;

/** Every {@link IncidentLifecycle} bean, each told in turn; one that throws is logged and the rest still hear. */
@Singleton
public class LifecycleListeners {
    private static final Logger LOG = LoggerFactory.getLogger(LifecycleListeners.class);

    private final List<IncidentLifecycle> listeners;

    public LifecycleListeners(List<IncidentLifecycle> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    public static LifecycleListeners none() {
        return new LifecycleListeners(List.of());
    }

    void tell(Incident incident, Consumer<IncidentLifecycle> call) {
        for (IncidentLifecycle listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("{} failed on {}: {}", listener.getClass().getSimpleName(), incident.id(), e.toString());
            }
        }
    }
}
