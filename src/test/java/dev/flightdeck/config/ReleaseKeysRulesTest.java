package dev.flightdeck.config;

import dev.flightdeck.team.OnRelease;
import dev.flightdeck.team.RepoRef;
import dev.flightdeck.team.ServiceConfig;
import dev.flightdeck.team.TeamConfig;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.flightdeck.config.TeamConfigs.errors;
import static dev.flightdeck.config.TeamConfigs.valid;
import static org.assertj.core.api.Assertions.assertThat;

/** The team-file keys a release needs (DESIGN section 11): repo, github-token-env, on-release, people. */
class ReleaseKeysRulesTest {

    private static final String S = "flightdeck.yml: flightdeck.services.commons.";
    private static final String TEAM = TeamConfigs.STAGING_AND_PROD + TeamConfigs.COMMONS;

    private static String service(String extra) {
        return TEAM + extra.indent(6);
    }

    private static ServiceConfig commons(String extra) {
        return valid(service(extra)).service("commons").orElseThrow();
    }

    @Test
    void repoIsOwnerSlashNameAndAGithubUrlIsReadAsOne() {
        assertThat(commons("repo: acme/commons\n").repo()).contains(new RepoRef("acme/commons", "GITHUB_TOKEN"));
        assertThat(commons("repo: https://github.com/acme/commons.git\n").repo())
                .contains(new RepoRef("acme/commons", "GITHUB_TOKEN"));
        assertThat(errors(service("repo: commons\n"))).containsExactly(
                S + "repo: must be a GitHub repository as owner/name (like acme/commons), got \"commons\"");
    }

    @Test
    void githubTokenEnvIsTheNameOfAVariableAndNeedsARepo() {
        assertThat(commons("repo: acme/commons\ngithub-token-env: COMMONS_GH_TOKEN\n").repo().orElseThrow().tokenEnv())
                .isEqualTo("COMMONS_GH_TOKEN");
        assertThat(errors(service("repo: acme/commons\ngithub-token-env: \"ghp_x y\"\n"))).containsExactly(
                S + "github-token-env: must be the NAME of an environment variable (like GITHUB_TOKEN), got \"ghp_x y\"");
        assertThat(errors(service("github-token-env: COMMONS_GH_TOKEN\n"))).containsExactly(
                S + "github-token-env: is set but repo is not: name the GitHub repository, e.g. repo: acme/commons");
    }

    @Test
    void onReleaseNamesAnEnvironmentAndARunner() {
        ServiceConfig s = commons("repo: acme/commons\non-release: { environment: staging, runner: U0DEV }\n");
        assertThat(s.onRelease()).contains(new OnRelease("staging", Optional.of("U0DEV")));
        assertThat(commons("repo: acme/commons\non-release: { environment: staging }\n").onRelease())
                .contains(new OnRelease("staging", Optional.empty()));
    }

    @Test
    void anUnknownOnReleaseEnvironmentIsReportedWithADidYouMean() {
        assertThat(errors(service("repo: acme/commons\non-release: { environment: stagign, runner: U0DEV }\n")))
                .singleElement().asString().startsWith(S + "on-release.environment: ").contains("stagign")
                .contains("did you mean \"staging\"?");
    }

    @Test
    void anOnReleaseRunnerMustBeASlackUserId() {
        assertThat(errors(service("repo: acme/commons\non-release: { environment: staging, runner: \"@alice\" }\n")))
                .containsExactly(S + "on-release.runner: must be a Slack user id like U0123 (the person who presses"
                        + " Start), got \"@alice\"");
    }

    @Test
    void onReleaseWithoutARepoIsAnError() {
        assertThat(errors(service("on-release: { environment: staging, runner: U0DEV }\n"))).containsExactly(
                S + "on-release: needs repo: (the GitHub repository whose releases open deploy requests)");
    }

    @Test
    void onReleaseWithoutAnEnvironmentOrWithAnUnknownKeyIsAnError() {
        assertThat(errors(service("repo: acme/commons\non-release: { runner: U0DEV }\n"))).containsExactly(
                S + "on-release.environment: is required: the environment a published release is requested for");
        assertThat(errors(service("repo: acme/commons\non-release: { environment: staging, runer: U0DEV }\n")))
                .singleElement().asString().startsWith(S + "on-release.runer: unknown key").contains("\"runner\"");
    }

    @Test
    void peopleMapGithubLoginsToSlackUserIdsWithoutCase() {
        TeamConfig team = valid(TEAM + "  people:\n    Octocat: U0DEV\n    hubot@example.com: W0BOT\n");
        assertThat(team.slackUserFor("octocat")).contains("U0DEV");
        assertThat(team.slackUserFor("OCTOCAT")).contains("U0DEV");
        assertThat(team.slackUserFor("hubot@example.com")).contains("W0BOT");
        assertThat(team.slackUserFor("someone-else")).isEmpty();
    }

    @Test
    void aPeopleValueThatIsNotAUserIdIsAnError() {
        assertThat(errors(TEAM + "  people:\n    octocat: \"@octocat\"\n    hubot: U0BOT\n")).containsExactly(
                "flightdeck.yml: flightdeck.people.octocat: must be a Slack user id like U0123, got \"@octocat\"");
    }
}
