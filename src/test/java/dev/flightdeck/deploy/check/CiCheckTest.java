package dev.flightdeck.deploy.check;

import dev.flightdeck.deploy.ApproverRef;
import dev.flightdeck.deploy.CheckResult;
import dev.flightdeck.deploy.DeployRechecks;
import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.deploy.Gate;
import dev.flightdeck.deploy.PreDeployChecks;
import dev.flightdeck.envconfig.EnvConfigSettings;
import dev.flightdeck.slack.deploy.SlackCheckWords;
import dev.flightdeck.team.BuildBackendConfig;
import dev.flightdeck.team.ChannelRef;
import dev.flightdeck.team.RepoRef;
import dev.flightdeck.team.ServiceConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.flightdeck.deploy.check.CiStatus.State.FAILED;
import static dev.flightdeck.deploy.check.CiStatus.State.PASSED;
import static dev.flightdeck.deploy.check.CiStatus.State.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

/** Gate ci's decisions, on a fake CI status (plain JUnit): what blocks, what waits, what passes, and what runs again. */
class CiCheckTest {

    static final String SHA = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    static final RepoRef REPO = new RepoRef("acme/commons", RepoRef.DEFAULT_TOKEN_ENV);

    /** CI as the fake knows it; {@code down} makes every read fail with that reason. */
    final List<CiStatus.Run> runs = new ArrayList<>();
    final List<String> asked = new ArrayList<>();
    String down;

    final CiStatus fake = (repo, version) -> {
        asked.add(repo.fullName() + "@" + version);
        if (down != null) {
            throw new CiStatus.Unreadable(down);
        }
        return new CiStatus.Report(SHA, runs);
    };

    /** Plain words, so the test reads the facts the gate handed over. */
    final CiWords words = new CiWords() {
        public String failing(String service, CiStatus.Report report, List<CiStatus.Run> failing) {
            return "failing on " + report.shortSha() + ": " + names(failing);
        }

        public String waiting(String service, CiStatus.Report report, List<CiStatus.Run> running) {
            return "waiting for CI: " + names(running);
        }

        public String passed(String service, CiStatus.Report report) {
            return "passed " + report.runs().size();
        }

        public String noneRan(String service, CiStatus.Report report) {
            return "no CI ran on " + report.shortSha();
        }

        public String unreadable(String service, String reason) {
            return "could not read CI status: " + reason;
        }
    };

    final CiCheck check = new CiCheck(fake, words);

    @Test
    void aServiceWithoutARepoPassesSayingSoAndAsksNothing() {
        CheckOutcome o = check.check(candidate(Optional.empty()));
        assertThat(o).isInstanceOf(CheckOutcome.Passed.class);
        assertThat(o.text()).startsWith("no repo: commons has no GitHub repository");
        assertThat(asked).isEmpty();
    }

    @Test
    void aFailingRunBlocksNamingEveryFailingOneEvenWhileOthersStillRun() {
        runs.add(run("build", PASSED));
        runs.add(run("lint", FAILED));
        runs.add(run("e2e", RUNNING));
        runs.add(run("ci/jenkins", FAILED));

        CheckOutcome o = check.check(candidate(Optional.of(REPO)));

        assertThat(o).isInstanceOf(CheckOutcome.Blocked.class);
        assertThat(o.blocks()).isTrue();
        assertThat(o.rechecked()).isFalse();
        assertThat(o.text()).isEqualTo("failing on ec26c3e: lint, ci/jenkins");
        assertThat(asked).containsExactly("acme/commons@5.12.0");
    }

    @Test
    void aRunStillGoingWaitsOnTheCommitDoesNotBlockAndRunsAgainInAMinute() {
        runs.add(run("build", PASSED));
        runs.add(run("e2e", RUNNING));
        runs.add(run("deploy-preview", RUNNING));

        CheckOutcome o = check.check(candidate(Optional.of(REPO)));

        assertThat(o).isEqualTo(new CheckOutcome.Waiting("waiting for CI: e2e, deploy-preview", SHA));
        assertThat(o.blocks()).isFalse();
        CheckResult stored = results(o).get(0);
        assertThat(stored.blocking()).isFalse();
        assertThat(stored.holding()).isTrue();
        assertThat(stored.recheckAt()).isEqualTo(NOW.plus(DeployRechecks.EVERY));
        assertThat(stored.waitsOn()).isEqualTo(SHA);
    }

    @Test
    void allGreenPassesAndIsNotCheckedAgain() {
        runs.add(run("build", PASSED));
        runs.add(run("ci/jenkins", PASSED));

        CheckOutcome o = check.check(candidate(Optional.of(REPO)));

        assertThat(o).isEqualTo(new CheckOutcome.Passed("passed 2"));
        CheckResult stored = results(o).get(0);
        assertThat(stored.stopsStart()).isFalse();
        assertThat(stored.recheckAt()).isNull();
    }

    @Test
    void aCommitWithNoCiAtAllPassesSayingNoCiRan() {
        CheckOutcome o = check.check(candidate(Optional.of(REPO)));
        assertThat(o).isEqualTo(new CheckOutcome.Passed("no CI ran on ec26c3e"));
    }

    @Test
    void gitHubDownBlocksSayingWhyAndIsCheckedAgain() {
        down = "GitHub answered HTTP 500 for acme/commons";

        CheckOutcome o = check.check(candidate(Optional.of(REPO)));

        assertThat(o).isEqualTo(new CheckOutcome.Unreadable("could not read CI status: GitHub answered HTTP 500 for acme/commons"));
        CheckResult stored = results(o).get(0);
        assertThat(stored.blocking()).isTrue();
        assertThat(stored.recheckAt()).isEqualTo(NOW.plus(DeployRechecks.EVERY));
        assertThat(stored.overriddenBy("U0LEAD", "GitHub is down, CI was green on main").stopsStart()).isFalse();
    }

    @Test
    void theGateRunsOnlyWhereTheEnvironmentHasIt() {
        runs.add(run("lint", FAILED));
        PreDeployChecks without = new PreDeployChecks(List.of(check), new SlackCheckWords());
        assertThat(without.run(candidate(Optional.of(REPO), Set.of(Gate.LOCK)))).extracting(CheckResult::name)
                .containsExactly(PreDeployChecks.APPROVAL);
        assertThat(without.run(candidate(Optional.of(REPO), Set.of(Gate.CI)))).extracting(CheckResult::name)
                .containsExactly("ci", PreDeployChecks.APPROVAL);
    }

    private List<CheckResult> results(CheckOutcome o) {
        CiCheck fixed = new CiCheck((repo, version) -> {
            throw new AssertionError("not asked");
        }, words) {
            @Override
            public CheckOutcome check(DeployCandidate c) {
                return o;
            }
        };
        return new PreDeployChecks(List.of(fixed), new SlackCheckWords()).run(candidate(Optional.of(REPO), Set.of(Gate.CI)))
                .stream().filter(r -> r.name().equals("ci")).collect(Collectors.toList());
    }

    private static String names(List<CiStatus.Run> runs) {
        return runs.stream().map(CiStatus.Run::name).collect(Collectors.joining(", "));
    }

    private static CiStatus.Run run(String name, CiStatus.State state) {
        return new CiStatus.Run(name, state, state.name().toLowerCase(), "https://github.com/acme/commons/runs/" + name.length());
    }

    private static DeployCandidate candidate(Optional<RepoRef> repo) {
        return candidate(repo, Set.of(Gate.CI));
    }

    private static DeployCandidate candidate(Optional<RepoRef> repo, Set<Gate> gates) {
        ServiceConfig service = new ServiceConfig("commons", new BuildBackendConfig.CodeBuild("commons-{env}"),
                EnvConfigSettings.NONE, Optional.empty(), Map.of(), repo, Optional.empty(), List.of(), Map.of());
        EnvironmentConfig env = new EnvironmentConfig("prod", new ChannelRef.Named("deploys"), 1,
                List.of(new ApproverRef.User("U0LEAD")), false, Optional.empty(), Optional.empty(), gates, true,
                Duration.ofMinutes(15), Duration.ofMinutes(10), Duration.ofHours(4), EnvironmentConfig.DEFAULT_POST_RELEASE_CHECK);
        return new DeployCandidate("commons", "prod", "5.12.0", "U0DEV", service, env, NOW);
    }
}
