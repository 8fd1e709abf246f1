package dev.flightdeck.config;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import dev.flightdeck.alarms.AlarmSelector;
import dev.flightdeck.deploy.ApproverRef;
import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.deploy.Gate;
import dev.flightdeck.envconfig.ConfigRules;
import dev.flightdeck.incident.IncidentsConfig;
import dev.flightdeck.incident.Severity;
import dev.flightdeck.team.BuildBackendConfig;
import dev.flightdeck.team.ChannelRef;
import dev.flightdeck.team.ServiceConfig;
import dev.flightdeck.team.TeamConfig;

/** flightdeck.example.yml at the repo root is the documentation teams copy: it must parse and mean what it says. */
class ExampleConfigTest {
    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
    private static TeamConfig config;

    @BeforeAll
    static void parseExample() {
        ParseResult result = TeamConfigParser.parseFiles(List.of(Path.of("flightdeck.example.yml")));
        assertThat(result).isInstanceOf(ParseResult.Valid.class);
        config = result.orElseThrow();
    }

    @Test
    void hasThreeEnvironmentsAndAServicePerBackendKind() {
        assertThat(config.environments()).containsOnlyKeys("dev", "staging", "prod");
        assertThat(config.services().values()).extracting(s -> s.build().kind())
                .containsExactlyInAnyOrder("jenkins", "circleci", "github-actions", "codebuild");
    }

    @Test
    void prodNeedsOneApprovalFromTheGroupOrTheLead() {
        EnvironmentConfig prod = config.environment("prod").orElseThrow();
        assertThat(prod.approvals()).isEqualTo(1);
        assertThat(prod.approvers()).containsExactly(new ApproverRef.Group("release-managers"),
                new ApproverRef.User("U0LEAD"));
        assertThat(prod.selfApproval()).isFalse();
        assertThat(prod.channel()).isEqualTo(new ChannelRef.Named("deploys"));
        assertThat(prod.frozenBy(Severity.SEV1)).isTrue();
        assertThat(prod.frozenBy(Severity.SEV3)).isFalse();
        assertThat(prod.gates()).containsExactlyInAnyOrder(Gate.WINDOW, Gate.LOCK, Gate.FREEZE, Gate.ALARMS, Gate.CONFIG);
        assertThat(prod.nudgeAfter()).isEqualTo(Duration.ofMinutes(15));
        assertThat(prod.expireAfter()).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void prodWindowIsOpenTuesdayMorningInLosAngelesAndClosedOnSaturday() {
        EnvironmentConfig prod = config.environment("prod").orElseThrow();
        // 2025-03-11 is a Tuesday, 2025-03-15 a Saturday.
        assertThat(prod.windowOpenAt(ZonedDateTime.of(2025, 3, 11, 10, 0, 0, 0, LA).toInstant())).isTrue();
        assertThat(prod.windowOpenAt(ZonedDateTime.of(2025, 3, 15, 10, 0, 0, 0, LA).toInstant())).isFalse();
        // 10:00 in London on that Tuesday is 03:00 in Los Angeles: closed.
        assertThat(prod.windowOpenAt(ZonedDateTime.of(2025, 3, 11, 10, 0, 0, 0, ZoneId.of("Europe/London"))
                .toInstant())).isFalse();
    }

    @Test
    void devAnnouncesOnlyAndHasNoWindow() {
        EnvironmentConfig dev = config.environment("dev").orElseThrow();
        assertThat(dev.announceOnly()).isTrue();
        assertThat(dev.selfApproval()).isTrue();
        assertThat(dev.window()).isEmpty();
        assertThat(dev.gates()).containsExactlyInAnyOrder(Gate.LOCK, Gate.ALARMS, Gate.CONFIG, Gate.CI);
    }

    @Test
    void commonsSettingsResolvePerEnvironment() {
        ServiceConfig commons = config.service("commons").orElseThrow();
        var jenkins = (BuildBackendConfig.Jenkins) commons.build();
        assertThat(jenkins.jobFor("prod")).isEqualTo("commons-prod-server");
        assertThat(jenkins.tokenEnv()).isEqualTo("JENKINS_TOKEN");
        assertThat(commons.config().ssmPathFor("staging")).contains("/commons/staging/");
        assertThat(commons.config().secretsFor("prod")).containsExactly("commons/prod");
        assertThat(commons.alarmsFor("prod")).contains(new AlarmSelector.Prefix("commons-prod-"));
        assertThat(commons.healthUrl("prod")).contains(URI.create("https://commons.example.com/healthCheck"));
        assertThat(commons.healthUrl("dev")).isEmpty();
    }

    @Test
    void commonsQueuePatternIsPerEnvironment() {
        ConfigRules rules = config.service("commons").orElseThrow().config().rules();
        String prodQueue = "https://sqs.us-west-2.amazonaws.com/123456789012/commons-prod-emails";
        assertThat(rules.valueMatches("EMAIL_QUEUE_URL", "prod", prodQueue)).isTrue();
        assertThat(rules.valueMatches("EMAIL_QUEUE_URL", "staging", prodQueue)).isFalse();
        assertThat(rules.required()).containsExactly("EMAIL_QUEUE_URL", "DATABASE_URL");
        assertThat(rules.uniqueAcrossServices()).containsExactly("EMAIL_QUEUE_URL");
    }

    @Test
    void otherBackendsAreBound() {
        assertThat(config.service("web").orElseThrow().build())
                .isEqualTo(new BuildBackendConfig.GithubActions("acme/web", "deploy.yml", "main", "GITHUB_TOKEN"));
        assertThat(config.service("billing").orElseThrow().alarms())
                .contains(new AlarmSelector.Tags(java.util.Map.of("service", "billing")));
        var codebuild = (BuildBackendConfig.CodeBuild) config.service("reports").orElseThrow().build();
        assertThat(codebuild.projectFor("staging")).isEqualTo("reports-staging");
    }

    @Test
    void incidentCadenceAndWebhookVariables() {
        IncidentsConfig incidents = config.incidents();
        assertThat(incidents.updateEvery(Severity.SEV1)).contains(Duration.ofMinutes(30));
        assertThat(incidents.updateEvery(Severity.SEV2)).contains(Duration.ofHours(1));
        assertThat(incidents.updateEvery(Severity.SEV3)).contains(Duration.ofHours(4));
        assertThat(incidents.updateEvery(Severity.SEV4)).isEmpty();
        assertThat(incidents.announceChannel()).contains(new ChannelRef.Named("incidents"));
        assertThat(incidents.timelineReaction()).isEqualTo("pushpin");
        assertThat(config.webhooks().githubSecretEnv()).contains("FLIGHTDECK_GITHUB_WEBHOOK_SECRET");
    }
}
