package dev.flightdeck.deploy.ships;

import dev.flightdeck.deploy.ApproverRef;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployRequests;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.deploy.Gate;
import dev.flightdeck.deploy.fakes.InMemoryDeployRepository;
import dev.flightdeck.deploy.fakes.MutableClock;
import dev.flightdeck.envconfig.EnvConfigSettings;
import dev.flightdeck.incident.IncidentsConfig;
import dev.flightdeck.team.BuildBackendConfig;
import dev.flightdeck.team.ChannelRef;
import dev.flightdeck.team.RepoRef;
import dev.flightdeck.team.ServiceConfig;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.team.WebhooksConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import static dev.flightdeck.deploy.EnvironmentConfig.DEFAULT_POST_RELEASE_CHECK;
import static org.assertj.core.api.Assertions.assertThat;

/** What a deploy ships, against an in-memory history and deploy repository. */
class WhatShipsTest {

    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    final MutableClock clock = new MutableClock(T0);
    final InMemoryDeployRepository deploys = new InMemoryDeployRepository();
    final FakeCodeHistory history = new FakeCodeHistory();
    final TeamConfig team = new TeamConfig(Map.of("staging", env("staging")), Map.of(
            "commons", service("commons", Optional.of(new RepoRef("acme/commons", RepoRef.DEFAULT_TOKEN_ENV))),
            "reports", service("reports", Optional.empty())), IncidentsConfig.defaults(), WebhooksConfig.NONE);
    final WhatShips ships = new WhatShips(team, deploys, history, clock, Duration.ofSeconds(5), Runnable::run);

    @Test
    void aServiceWithoutARepositoryShowsNothingAndAsksNobody() {
        assertThat(ships.of(request("reports", "2.0.0"))).isEqualTo(new Ships.NotTracked());
        assertThat(history.calls).hasValue(0);
    }

    @Test
    void withNothingLiveItIsTheFirstDeployThere() {
        assertThat(ships.of(request("commons", "1.0.0"))).isEqualTo(new Ships.FirstDeploy("commons", "staging"));
        assertThat(history.calls).hasValue(0);
    }

    @Test
    void listsTheCountAndTheFirstTenSinceTheLiveVersionWithTheirPullRequests() {
        succeeded("1.0.0", T0.minusSeconds(3600));
        history.with("1.0.0", "1.1.0", FakeCodeHistory.commits(12));

        Ships.Commits c = (Ships.Commits) ships.of(request("commons", "1.1.0"));

        assertThat(c.live()).isEqualTo("1.0.0");
        assertThat(c.total()).isEqualTo(12);
        assertThat(c.shown()).hasSize(10);
        ShippedCommit first = c.shown().get(0);
        assertThat(first.shortSha()).isEqualTo("0000000");
        assertThat(first.firstLine()).isEqualTo("Change number 1 (#101)");
        assertThat(first.author()).isEqualTo("dev1");
        assertThat(first.pr()).isEqualTo(101);
        assertThat(first.prUrl()).isEqualTo(FakeCodeHistory.WEB + "/pull/101");
        assertThat(c.compareUrl()).isEqualTo(FakeCodeHistory.WEB + "/compare/1.0.0...1.1.0");
    }

    @Test
    void theLiveVersionAgainIsNothingNewWithoutAskingTheHost() {
        succeeded("1.0.0", T0.minusSeconds(3600));
        assertThat(ships.of(request("commons", "1.0.0"))).isEqualTo(new Ships.NothingNew("1.0.0"));
        assertThat(history.calls).hasValue(0);
    }

    @Test
    void aRedrawAsksTheHostOnceThenAgainOnlyWhenTheAnswerIsTenMinutesOld() {
        succeeded("1.0.0", T0.minusSeconds(3600));
        history.with("1.0.0", "1.1.0", FakeCodeHistory.commits(3));
        DeployRequest r = request("commons", "1.1.0");
        DeployRequest other = request("commons", "1.1.0");

        for (int i = 0; i < 5; i++) {
            assertThat(ships.of(r)).isInstanceOf(Ships.Commits.class);
        }
        assertThat(ships.of(other)).isInstanceOf(Ships.Commits.class);
        assertThat(history.calls).hasValue(1);

        clock.advance(Duration.ofMinutes(9));
        ships.of(r);
        assertThat(history.calls).hasValue(1);
        clock.advance(Duration.ofMinutes(1));
        ships.of(r);
        assertThat(history.calls).hasValue(2);
    }

    @Test
    void aFailureSaysWhyAndIsAskedAgainAfterAMinute() {
        succeeded("1.0.0", T0.minusSeconds(3600));
        history.with("1.0.0", "1.1.0", FakeCodeHistory.commits(2));
        history.failure = "GitHub answered HTTP 500 for acme/commons";
        DeployRequest r = request("commons", "1.1.0");

        assertThat(ships.of(r)).isEqualTo(new Ships.Unreadable("GitHub answered HTTP 500 for acme/commons"));
        history.failure = null;
        assertThat(ships.of(r)).isInstanceOf(Ships.Unreadable.class);
        assertThat(history.calls).hasValue(1);

        clock.advance(Duration.ofMinutes(1));
        assertThat(ships.of(r)).isInstanceOf(Ships.Commits.class);
        assertThat(history.calls).hasValue(2);
    }

    @Test
    void aHostThatDoesNotAnswerHoldsTheDrawOnlyForTheTimeoutAndItsLateAnswerIsKept() {
        succeeded("1.0.0", T0.minusSeconds(3600));
        history.with("1.0.0", "1.1.0", FakeCodeHistory.commits(2));
        history.hold = new CountDownLatch(1);
        var pool = Executors.newSingleThreadExecutor();
        try {
            WhatShips slow = new WhatShips(team, deploys, history, clock, Duration.ofMillis(200), pool);
            DeployRequest r = request("commons", "1.1.0");

            long started = System.nanoTime();
            assertThat(slow.of(r)).isEqualTo(new Ships.TimedOut(Duration.ofMillis(200)));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

            history.hold.countDown();
            history.hold = null;
            assertThat(slow.of(r)).isInstanceOf(Ships.Commits.class);
            assertThat(history.calls).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void afterTheDeployItselfSucceedsItStillShowsWhatItShippedSinceTheVersionBefore() {
        succeeded("1.0.0", T0.minusSeconds(3600));
        history.with("1.0.0", "1.1.0", FakeCodeHistory.commits(4));
        DeployRequest r = request("commons", "1.1.0");
        deploys.transition(r, DeployRequests.from(r).in(DeployState.SUCCEEDED).finishedAt(T0.plusSeconds(600)).build());
        succeeded("1.2.0", T0.plusSeconds(1200));

        // A fresh process (nothing remembered): the base is what was live when #r was requested.
        WhatShips restarted = new WhatShips(team, deploys, history, clock, Duration.ofSeconds(5), Runnable::run);
        Ships.Commits c = (Ships.Commits) restarted.of(deploys.find(r.id()).orElseThrow());
        assertThat(c.live()).isEqualTo("1.0.0");
        assertThat(c.total()).isEqualTo(4);
    }

    @Test
    void pullRequestsAreReadAsGitHubWritesThemAndAnAuthorWithoutALoginByName() {
        ShippedCommit merged = ShippedCommit.of(new CodeHistory.Commit("abcdef0123", "Merge pull request #7 from acme/fix\n\nFix it",
                null, "Ann Example", null), FakeCodeHistory.WEB);
        assertThat(merged.pr()).isEqualTo(7);
        assertThat(merged.author()).isEqualTo("Ann Example");
        assertThat(merged.shortSha()).isEqualTo("abcdef0");
        ShippedCommit plain = ShippedCommit.of(new CodeHistory.Commit("abc", "Fix #7 in the parser", "ann", "Ann", null), null);
        assertThat(plain.pr()).isZero();
        assertThat(plain.prUrl()).isNull();
    }

    private DeployRequest request(String service, String version) {
        return deploys.insert(DeployRequests.aRequest().of(service).to("staging").version(version).requestedAt(clock.instant())
                .build(), List.of());
    }

    private void succeeded(String version, Instant finished) {
        deploys.insert(DeployRequests.aRequest().of("commons").to("staging").version(version).in(DeployState.SUCCEEDED)
                .requestedAt(finished.minusSeconds(600)).startedAt(finished.minusSeconds(300)).finishedAt(finished).build(),
                List.of());
    }

    private static ServiceConfig service(String name, Optional<RepoRef> repo) {
        return new ServiceConfig(name, new BuildBackendConfig.CodeBuild(name + "-{env}"), EnvConfigSettings.NONE,
                Optional.empty(), Map.of(), repo, Optional.empty(), List.of(), Map.of());
    }

    private static EnvironmentConfig env(String name) {
        return new EnvironmentConfig(name, new ChannelRef.Named("deploys-" + name), 1,
                List.of(new ApproverRef.User("U0LEAD")), false, Optional.empty(), Optional.empty(), Set.of(Gate.LOCK),
                true, Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(4), DEFAULT_POST_RELEASE_CHECK);
    }
}
