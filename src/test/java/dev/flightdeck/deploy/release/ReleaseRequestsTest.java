package dev.flightdeck.deploy.release;

import dev.flightdeck.audit.Auditor;
import dev.flightdeck.deploy.DeployOutcome;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.deploy.NewDeploy;
import dev.flightdeck.deploy.PreDeployChecks;
import dev.flightdeck.deploy.RequestDeploy;
import dev.flightdeck.deploy.fakes.DeployWorld;
import dev.flightdeck.deploy.fakes.DirectTransactions;
import dev.flightdeck.deploy.release.ReleaseOutcome.Opened;
import dev.flightdeck.envconfig.EnvConfigSettings;
import dev.flightdeck.health.HealthChecksConfig;
import dev.flightdeck.incident.IncidentsConfig;
import dev.flightdeck.metrics.MetricsConfig;
import dev.flightdeck.slack.deploy.SlackCheckWords;
import dev.flightdeck.team.BuildBackendConfig;
import dev.flightdeck.team.OnRelease;
import dev.flightdeck.team.RepoRef;
import dev.flightdeck.team.ServiceConfig;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.team.WebhooksConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.flightdeck.deploy.fakes.DeployWorld.DEV;
import static dev.flightdeck.deploy.fakes.DeployWorld.LEAD;
import static dev.flightdeck.deploy.fakes.DeployWorld.RM1;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release use case on the in-memory deploy world: commons (repo acme/commons) is requested for PROD on release,
 * runner U0DEV; people: the GitHub login {@code lead-gh} is U0LEAD, a PROD approver.
 */
class ReleaseRequestsTest {

    final DeployWorld world = new DeployWorld();
    final InMemoryReleaseLog log = new InMemoryReleaseLog();
    final TeamConfig team = new TeamConfig(world.team.environments(), Map.of("commons", new ServiceConfig("commons",
            new BuildBackendConfig.CodeBuild("commons-{env}"), EnvConfigSettings.NONE, Optional.empty(), Map.of(),
            Optional.of(new RepoRef("acme/commons", RepoRef.DEFAULT_TOKEN_ENV)),
            Optional.of(new OnRelease("prod", Optional.of(DEV))), List.of(), Map.of())),
            IncidentsConfig.defaults(), WebhooksConfig.NONE, MetricsConfig.DEFAULTS, HealthChecksConfig.DEFAULTS,
            Map.of("lead-gh", LEAD));
    final RequestDeploy requests = new RequestDeploy(team, new PreDeployChecks(List.of(), new SlackCheckWords()),
            world.repository, world.moves, world.announcer, world.starts,
            new Auditor(world.audit, Object::toString, world.clock), world.clock);
    final ReleaseRequests releases = new ReleaseRequests(team, requests, world.repository, new DirectTransactions(), log);

    long ids = 100;

    ReleaseOutcome publish(String tag, String author) {
        return releases.published(new PublishedRelease("acme/commons", ids++, "published", tag, author,
                "https://github.com/acme/commons/releases/tag/" + tag, false, false));
    }

    DeployRequest opened(ReleaseOutcome outcome) {
        assertThat(outcome).isInstanceOf(ReleaseOutcome.PerService.class);
        ReleaseOutcome.ServiceResult only = ((ReleaseOutcome.PerService) outcome).results().get(0);
        assertThat(only).isInstanceOf(Opened.class);
        return ((Opened) only).request();
    }

    @Test
    void aLeadingVIsDroppedWhenTheServiceHasNoHistoryOrItsVersionsHaveNone() {
        assertThat(opened(publish("v5.12.0", "hubot")).version()).isEqualTo("5.12.0");
        assertThat(opened(publish("v5.12.1", "hubot")).version()).isEqualTo("5.12.1");
        // Not a v before a number: the tag is the version as it is.
        assertThat(opened(publish("very-first", "hubot")).version()).isEqualTo("very-first");
    }

    @Test
    void aLeadingVIsKeptWhenTheServicesLatestVersionHasOne() {
        requests.request(NewDeploy.of("commons", "v5.11.0", "prod", RM1, Optional.empty(), Optional.empty()));

        assertThat(opened(publish("v5.12.0", "hubot")).version()).isEqualTo("v5.12.0");
    }

    @Test
    void aMappedAuthorIsTheRequesterAndMayNotApproveTheirOwnRelease() {
        DeployRequest r = opened(publish("5.12.0", "Lead-GH"));

        assertThat(r.requesterId()).isEqualTo(LEAD);
        assertThat(r.runnerId()).isEqualTo(DEV);
        assertThat(world.deploys.go(r.id(), LEAD)).isInstanceOf(DeployOutcome.OwnRequest.class);
        assertThat(world.deploys.go(r.id(), RM1)).isInstanceOf(DeployOutcome.Approved.class);
    }

    @Test
    void anUnmappedAuthorIsAGithubPersonWhoCannotActInSlack() {
        DeployRequest r = opened(publish("5.12.0", "hubot"));

        assertThat(r.requesterId()).isEqualTo("github:hubot");
        assertThat(r.note()).isEqualTo("GitHub release 5.12.0 of acme/commons, published by hubot: "
                + "https://github.com/acme/commons/releases/tag/5.12.0");
        assertThat(world.audit.all()).anySatisfy(e -> assertThat(e.actor()).isEqualTo("github:hubot"));
    }

    @Test
    void aGoNoGoThatCannotBePostedCancelsTheRequestAndARedeliveryMayOpenItAgain() {
        world.announcer.refuseWith("channel_not_found");
        PublishedRelease release = new PublishedRelease("acme/commons", 7, "published", "5.12.0", "hubot", null, false, false);

        ReleaseOutcome first = releases.published(release);

        assertThat(first).isInstanceOf(ReleaseOutcome.PerService.class);
        var failed = (ReleaseOutcome.NotAnnounced) ((ReleaseOutcome.PerService) first).results().get(0);
        assertThat(world.repository.find(failed.requestId()).orElseThrow().state()).isEqualTo(DeployState.CANCELLED);
        assertThat(log.requestFor("acme/commons", 7, "commons")).isEmpty();

        world.announcer.refuseWith(null);
        DeployRequest again = opened(releases.published(release));
        assertThat(again.id()).isNotEqualTo(failed.requestId());
        assertThat(releases.published(release)).isEqualTo(new ReleaseOutcome.PerService(
                List.of(new ReleaseOutcome.AlreadyOpened("commons", again.id()))));
    }

    @Test
    void aDeliveryWithoutAnAuthorOrTagOpensNothingAndSaysWhatIsMissing() {
        assertThat(releases.published(new PublishedRelease("acme/commons", 8, "published", "5.12.0", null, null,
                false, false))).isEqualTo(new ReleaseOutcome.Unreadable("release.author.login"));
        assertThat(releases.published(new PublishedRelease("acme/commons", 8, "published", "", "hubot", null,
                false, false))).isEqualTo(new ReleaseOutcome.Unreadable("release.tag_name"));
        assertThat(world.repository.history("commons", Optional.empty(), 10)).isEmpty();
    }
}
