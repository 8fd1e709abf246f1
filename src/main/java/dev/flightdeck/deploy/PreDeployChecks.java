package dev.flightdeck.deploy;

import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.deploy.check.CheckOutcome;
import dev.flightdeck.deploy.check.CheckWords;
import dev.flightdeck.deploy.check.DeployCandidate;
import dev.flightdeck.deploy.check.DeployCheck;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs every {@link DeployCheck} bean whose gate the environment enables (a new rule is one new bean), then states
 * the approval policy. A check that throws blocks with "could not check …" instead of failing the request: an
 * approver can still override it.
 */
@Singleton
public class PreDeployChecks {

    private static final Logger LOG = LoggerFactory.getLogger(PreDeployChecks.class);
    public static final String APPROVAL = "approval";

    private final List<DeployCheck> checks;
    private final CheckWords words;

    public PreDeployChecks(List<DeployCheck> checks, CheckWords words) {
        // Stable order in the message whatever order the beans come in.
        this.checks = checks.stream().sorted(Comparator.comparing(DeployCheck::name)).toList();
        this.words = words;
    }

    public List<CheckResult> run(DeployCandidate candidate) {
        EnvironmentConfig env = candidate.environmentConfig();
        List<CheckResult> results = new ArrayList<>();
        for (DeployCheck check : checks) {
            if (check.gate().isPresent() && !env.hasGate(check.gate().get()) || !check.appliesTo(candidate)) {
                continue;
            }
            results.add(runOne(check, candidate));
        }
        results.add(CheckResult.passed(APPROVAL, words.approvalRule(env)));
        return results;
    }

    /** The checks by name, for {@link DeployRechecks}. */
    java.util.Optional<DeployCheck> named(String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    static CheckResult runOne(DeployCheck check, DeployCandidate candidate) {
        try {
            CheckOutcome outcome = check.check(candidate);
            if (outcome == null) {
                return CheckResult.blocked(check.name(), "could not check " + check.name() + ": it gave no answer");
            }
            if (outcome.rechecked()) {
                return new CheckResult(check.name(), outcome.blocks(), outcome.text(), null, null,
                        outcome instanceof CheckOutcome.Waiting, candidate.at().plus(DeployRechecks.EVERY),
                        outcome instanceof CheckOutcome.Waiting w ? w.subject() : null);
            }
            return outcome.blocks() ? CheckResult.blocked(check.name(), outcome.text())
                    : CheckResult.passed(check.name(), outcome.text());
        } catch (RuntimeException e) {
            LOG.warn("deploy check {} failed for {} to {}", check.name(), candidate.service(), candidate.environment(), e);
            String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
            return CheckResult.blocked(check.name(), "could not check " + check.name() + ": "
                    + (why.length() > 300 ? why.substring(0, 299) + "…" : why));
        }
    }
}
