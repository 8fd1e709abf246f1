package dev.flightdeck.deploy;

import jakarta.inject.Singleton;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/** What {@code /deploy status}, {@code history} and {@code rollback} read. */
@Singleton
public class DeployQueries {

    public static final int STATUS_LIMIT = 50;

    private final DeployRepository repository;

    public DeployQueries(DeployRepository repository) {
        this.repository = repository;
    }

    public record Status(List<DeployRequest> active, List<ManualLock> locks) {
    }

    public Status status(Optional<String> service) {
        EnumSet<DeployState> active = EnumSet.of(DeployState.REQUESTED);
        active.addAll(DeployState.IN_FLIGHT);
        return new Status(repository.inStates(active, service, STATUS_LIMIT), repository.locks(service));
    }

    public List<DeployRequest> history(String service, Optional<String> environment, int limit) {
        return repository.history(service, environment, limit);
    }

    public List<Approval> approvals(long id) {
        return repository.approvals(id);
    }

    public List<CheckResult> checks(long id) {
        return repository.checks(id);
    }

    public record RollbackTarget(DeployRequest current, DeployRequest target) {
    }

    /**
     * The deploy to roll back from (the last success) and the one to roll back to (the last success before it with
     * another version); empty when there is nothing to go back to.
     */
    public Optional<RollbackTarget> rollbackTarget(String service, String environment) {
        List<DeployRequest> successes = repository.history(service, Optional.of(environment), 1000).stream()
                .filter(r -> r.state() == DeployState.SUCCEEDED).toList();
        if (successes.isEmpty()) {
            return Optional.empty();
        }
        DeployRequest current = successes.get(0);
        return successes.stream().skip(1).filter(r -> !r.version().equals(current.version())).findFirst()
                .map(target -> new RollbackTarget(current, target));
    }
}
