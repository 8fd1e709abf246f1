package dev.flightdeck.incident.paging;

import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentLifecycle;
import dev.flightdeck.incident.Severity;
import dev.flightdeck.team.TeamConfig;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Hears incidents declared, re-graded and resolved: {@code page-on} pages every target at declaration at (or a raise
 * to) that severity, once per target per incident; a resolution owes each live page its resolve. What is owed is
 * stored first; {@link PageSender} sends it, and catches up after a restart on what a lost call would have stored.
 */
@Singleton
@Requires(beans = Paging.class)
public class PagingLifecycle implements IncidentLifecycle {

    private final Paging paging;
    private final TeamConfig team;

    public PagingLifecycle(Paging paging, TeamConfig team) {
        this.paging = paging;
        this.team = team;
    }

    @Override
    public void declared(Incident incident) {
        if (team.incidents().pagesAt(incident.severity())) {
            paging.pageEveryTarget(incident);
        }
    }

    @Override
    public void severityChanged(Incident incident, Severity before) {
        if (incident.isOpen() && team.incidents().pagesAt(incident.severity())) {
            paging.pageEveryTarget(incident);
        }
    }

    @Override
    public void resolved(Incident incident) {
        paging.resolveAll(incident.number());
    }
}
