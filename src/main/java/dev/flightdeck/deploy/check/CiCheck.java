package dev.flightdeck.deploy.check;

import dev.flightdeck.deploy.Gate;
import dev.flightdeck.team.RepoRef;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * Gate {@code ci}: the requested version's commit must have every check run and commit status green. A failing one
 * blocks, naming it; one still running makes the request wait (its goes may come, its build cannot start), and the
 * check runs again every minute and at once when GitHub says a suite or workflow on that commit completed. GitHub
 * down blocks (an approver may override) and is re-checked the same way.
 * <p>
 * A commit on which no CI ran at all passes, saying so: the gate is on by default for every service with a
 * {@code repo}, CI registers its runs when the commit is pushed (before anyone tags a release of it), and a
 * repository whose CI does not report to GitHub would otherwise need an override for every deploy. A team that wants
 * such commits held keeps CI reporting to GitHub; the go/no-go message says "no CI ran" for all to see.
 */
@Singleton
public class CiCheck implements DeployCheck {

    public static final String NAME = "ci";

    private final CiStatus ci;
    private final CiWords words;

    public CiCheck(CiStatus ci, CiWords words) {
        this.ci = ci;
        this.words = words;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Gate> gate() {
        return Optional.of(Gate.CI);
    }

    @Override
    public CheckOutcome check(DeployCandidate c) {
        Optional<RepoRef> repo = c.serviceConfig().repo();
        if (repo.isEmpty()) {
            return new CheckOutcome.Passed("no repo: " + c.service() + " has no GitHub repository in the team file,"
                    + " so there is no CI to check");
        }
        CiStatus.Report report;
        try {
            report = ci.read(repo.get(), c.version());
        } catch (CiStatus.Unreadable e) {
            return new CheckOutcome.Unreadable(words.unreadable(c.service(), e.getMessage()));
        }
        List<CiStatus.Run> failing = in(report, CiStatus.State.FAILED);
        if (!failing.isEmpty()) {
            return new CheckOutcome.Blocked(words.failing(c.service(), report, failing));
        }
        List<CiStatus.Run> running = in(report, CiStatus.State.RUNNING);
        if (!running.isEmpty()) {
            return new CheckOutcome.Waiting(words.waiting(c.service(), report, running), report.sha());
        }
        if (report.runs().isEmpty()) {
            return new CheckOutcome.Passed(words.noneRan(c.service(), report));
        }
        return new CheckOutcome.Passed(words.passed(c.service(), report));
    }

    private static List<CiStatus.Run> in(CiStatus.Report report, CiStatus.State state) {
        return report.runs().stream().filter(r -> r.state() == state).toList();
    }
}
