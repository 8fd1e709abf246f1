package dev.flightdeck.deploy;

import dev.flightdeck.team.TeamConfig;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What is live where, for {@code /deploy status}: per service, per environment of the team file (in its order), the
 * deploy that last SUCCEEDED there. One bounded read per service and environment (a team file names tens of them),
 * never a scan of the whole history.
 */
@Singleton
public class LiveVersions {

    private final TeamConfig team;
    private final DeployRepository repository;

    public LiveVersions(TeamConfig team, DeployRepository repository) {
        this.team = team;
        this.repository = repository;
    }

    /** @param deploy the last success there; empty when the service was never deployed there */
    public record Live(String environment, Optional<DeployRequest> deploy) {
    }

    public record OfService(String service, List<Live> environments) {
    }

    /** Every service of the team file, or only {@code service}; an unknown name gives nothing. */
    public List<OfService> of(Optional<String> service) {
        List<String> services = service.map(List::of).orElseGet(() -> List.copyOf(team.services().keySet()));
        List<OfService> out = new ArrayList<>();
        for (String s : services) {
            if (team.service(s).isEmpty()) {
                continue;
            }
            List<Live> live = new ArrayList<>();
            for (String env : team.environments().keySet()) {
                live.add(new Live(env, repository.lastSucceeded(s, env)));
            }
            out.add(new OfService(s, List.copyOf(live)));
        }
        return out;
    }
}
