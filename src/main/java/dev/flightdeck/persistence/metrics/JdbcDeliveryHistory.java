package dev.flightdeck.persistence.metrics;

import dev.flightdeck.metrics.DeliveryHistory;
import dev.flightdeck.persistence.IncidentRow;
import dev.flightdeck.persistence.deploy.DeployRequestRow;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link DeliveryHistory} on the deploy_request, incident and audit_event tables (H2 or PostgreSQL). */
@Singleton
public class JdbcDeliveryHistory implements DeliveryHistory {

    private final DeliveryDeployRows deploys;
    private final DeliveryIncidentRows incidents;

    public JdbcDeliveryHistory(DeliveryDeployRows deploys, DeliveryIncidentRows incidents) {
        this.deploys = deploys;
        this.incidents = incidents;
    }

    @Override
    public List<DeployFact> finishedBetween(Instant from, Instant to) {
        return deploys.finishedBetween(from, to).stream().map(JdbcDeliveryHistory::fact).toList();
    }

    @Override
    public List<DeployFact> rollbacksRequestedBetween(Instant from, Instant to) {
        return deploys.rollbacksRequestedBetween(from, to).stream().map(JdbcDeliveryHistory::fact).toList();
    }

    @Override
    public List<IncidentFact> incidentsBetween(Instant from, Instant to) {
        return incidents.between(from, to).stream().map(JdbcDeliveryHistory::fact).toList();
    }

    @Override
    public boolean isEmpty() {
        return deploys.countAll() == 0 && incidents.countAll() == 0 && incidents.countAuditEvents() == 0;
    }

    private static DeployFact fact(DeployRequestRow r) {
        return new DeployFact(r.id(), r.service(), r.environment(), r.state(), r.requestedAt(),
                Optional.ofNullable(r.finishedAt()), Optional.ofNullable(r.rollbackOf()));
    }

    private static IncidentFact fact(IncidentRow r) {
        return new IncidentFact(r.id(), r.title(), r.startedAt(), Optional.ofNullable(r.resolvedAt()));
    }
}
