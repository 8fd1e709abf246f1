package dev.flightdeck.alarms;

import dev.flightdeck.deploy.Gate;
import dev.flightdeck.deploy.check.CheckOutcome;
import dev.flightdeck.deploy.check.DeployCandidate;
import dev.flightdeck.deploy.check.DeployCheck;
import dev.flightdeck.text.UtcTime;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The alarms gate: an alarm of the service in ALARM in the target environment blocks the deploy, naming it.
 * Alarms that can't be read block too, saying so (an approver may override).
 */
@Singleton
public class AlarmsDeployCheck implements DeployCheck {

    private final AlarmService alarms;

    public AlarmsDeployCheck(AlarmService alarms) {
        this.alarms = alarms;
    }

    @Override
    public String name() {
        return "alarms";
    }

    @Override
    public Optional<Gate> gate() {
        return Optional.of(Gate.ALARMS);
    }

    @Override
    public CheckOutcome check(DeployCandidate candidate) {
        String target = candidate.service() + " in " + candidate.environment();
        Optional<AlarmGroup> group = alarms.notOk(candidate.service(), candidate.environment());
        if (group.isEmpty()) {
            return new CheckOutcome.Passed("no alarms are configured for " + candidate.service());
        }
        if (group.get().error().isPresent()) {
            return new CheckOutcome.Blocked("could not read the alarms of " + target + ": " + group.get().error().get());
        }
        var firing = group.get().firing();
        if (firing.isEmpty()) {
            return new CheckOutcome.Passed("no alarms firing for " + target);
        }
        return new CheckOutcome.Blocked(firing.size() + (firing.size() == 1 ? " alarm" : " alarms") + " firing for "
                + target + ": " + firing.stream()
                .map(a -> "*" + a.name() + "* in ALARM since " + UtcTime.format(a.since(), "?"))
                .collect(Collectors.joining(", ")));
    }
}
