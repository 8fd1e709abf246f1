package dev.flightdeck.health;

import dev.flightdeck.alarms.Alarm;
import dev.flightdeck.alarms.AlarmGroup;
import dev.flightdeck.alarms.AlarmService;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.deploy.ReleaseProbe;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The post-release probe: the service's deep health URL and its alarms, the same queries as the commands use. */
@Singleton
public class ServiceReleaseProbe implements ReleaseProbe {

    private final TeamConfig team;
    private final HealthChecker health;
    private final AlarmService alarms;

    public ServiceReleaseProbe(TeamConfig team, HealthChecker health, AlarmService alarms) {
        this.team = team;
        this.health = health;
        this.alarms = alarms;
    }

    @Override
    public Result probe(String service, String environment) {
        Optional<URI> url = team.service(service).flatMap(s -> s.healthUrl(environment));
        Optional<AlarmGroup> group = alarms.notOk(service, environment);
        if (url.isEmpty() && group.isEmpty()) {
            return new Result(false, true, "no health URL or alarms are configured for " + service + " in " + environment);
        }
        List<String> problems = new ArrayList<>();
        List<String> fine = new ArrayList<>();
        url.ifPresent(u -> {
            HealthReport report = health.check(u);
            if (report instanceof HealthReport.Answered a && a.healthy()) {
                fine.add("health " + a.statusCode() + " in " + a.latency().toMillis() + " ms");
            } else {
                problems.add("health " + describe(report));
            }
        });
        group.ifPresent(g -> {
            List<String> firing = g.alarms().stream().filter(a -> a.state().firing()).map(Alarm::name).toList();
            if (g.error().isPresent()) {
                problems.add("alarms could not be read (" + g.error().get() + ")");
            } else if (!firing.isEmpty()) {
                problems.add("alarm" + (firing.size() == 1 ? " " : "s ") + String.join(", ", firing) + " in ALARM");
            } else {
                fine.add("no alarms firing");
            }
        });
        return problems.isEmpty() ? new Result(true, true, String.join(", ", fine))
                : new Result(true, false, String.join("; ", problems));
    }

    private static String describe(HealthReport report) {
        if (report instanceof HealthReport.Answered a) {
            String down = a.dependencies().stream().filter(d -> !d.up()).map(DependencyHealth::name)
                    .reduce((x, y) -> x + ", " + y).map(d -> ", down: " + d).orElse("");
            return "answered " + a.statusCode() + down;
        }
        if (report instanceof HealthReport.TimedOut t) {
            return "timed out after " + t.timeout().toSeconds() + " s";
        }
        if (report instanceof HealthReport.Unreachable u) {
            return "unreachable (" + u.why() + ")";
        }
        return "refused (" + ((HealthReport.Refused) report).why() + ")";
    }
}
