package dev.flightdeck.alarms;

import dev.flightdeck.deploy.Gate;
import dev.flightdeck.deploy.check.CheckOutcome;
import dev.flightdeck.deploy.check.DeployCandidate;
import dev.flightdeck.deploy.check.DeployCheck;
import jakarta.inject.Singleton;

import java.util.Optional;

import static dev.flightdeck.alarms.SloFigures.burn;
import static dev.flightdeck.alarms.SloFigures.count;
import static dev.flightdeck.alarms.SloFigures.objective;
import static dev.flightdeck.alarms.SloFigures.percent;

/**
 * The slo gate (on for the environments that list it, production ones): a spent error budget blocks the deploy,
 * naming the budget and the burn rates. Metrics that can't be read block too, saying so (an approver may override);
 * no events at all in the window pass, saying so: there is no budget to have spent.
 */
@Singleton
public class SloDeployCheck implements DeployCheck {

    private final SloService slos;

    public SloDeployCheck(SloService slos) {
        this.slos = slos;
    }

    @Override
    public String name() {
        return "slo";
    }

    @Override
    public Optional<Gate> gate() {
        return Optional.of(Gate.SLO);
    }

    @Override
    public CheckOutcome check(DeployCandidate candidate) {
        String target = candidate.service() + " in " + candidate.environment();
        Optional<SloReading> reading = slos.reading(candidate.service(), candidate.environment());
        if (reading.isEmpty()) {
            return new CheckOutcome.Passed("no SLO is configured for " + candidate.service());
        }
        if (reading.get() instanceof SloReading.Unreadable u) {
            return new CheckOutcome.Blocked("could not read the error budget of " + target + ": " + u.reason());
        }
        if (reading.get() instanceof SloReading.Measured m) {
            return measured(target, m.budget(), m.slo());
        }
        SloSettings slo = reading.get().slo();
        return new CheckOutcome.Passed("no SLO data for " + target + " in the last "
                + dev.flightdeck.text.Durations.format(slo.window()) + " (" + slo.total().describe()
                + "): no budget to judge by");
    }

    private static CheckOutcome measured(String target, ErrorBudget b, SloSettings slo) {
        String burns = "burn rate " + burn(b.burn1h()) + " over 1 h, " + burn(b.burn6h()) + " over 6 h";
        if (b.spent()) {
            return new CheckOutcome.Blocked("the error budget of " + target + " is spent: " + percent(1 - b.leftShare())
                    + " of it used (" + count(b.bad()) + " failed of " + count(b.allowed()) + " allowed, objective "
                    + objective(slo) + "); " + burns);
        }
        return new CheckOutcome.Passed("error budget of " + target + ": " + percent(b.leftShare()) + " left (objective "
                + objective(slo) + "); " + burns);
    }
}
