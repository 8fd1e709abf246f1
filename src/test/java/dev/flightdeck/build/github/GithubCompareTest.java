package dev.flightdeck.build.github;

import dev.flightdeck.build.BuildHttp;
import dev.flightdeck.build.FakeBuildServer;
import dev.flightdeck.build.FakeGitHub;
import dev.flightdeck.build.MapSecrets;
import dev.flightdeck.deploy.ships.CodeHistory;
import dev.flightdeck.team.RepoRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GitHub's compare API through the real HTTP client, against the loopback fake that checks path, headers and auth. */
class GithubCompareTest {

    final FakeBuildServer server = new FakeBuildServer();
    final FakeGitHub github = new FakeGitHub(server);
    final RepoRef repo = new RepoRef("acme/commons", RepoRef.DEFAULT_TOKEN_ENV);

    @AfterEach
    void stop() {
        server.close();
    }

    GithubCompare compare(String token) {
        return new GithubCompare(new GithubApi(new BuildHttp(Duration.ofSeconds(10), Duration.ofMillis(10)),
                new MapSecrets(token == null ? Map.of() : Map.of("GITHUB_TOKEN", token)), server.url(), ""));
    }

    @Test
    void readsTheCommitsBetweenTwoTagsWithAuthorsAndTheRepositorysWebAddress() throws Exception {
        var r = github.repo("acme/commons");
        r.commit("Initial commit", "octocat", 0);
        r.ref("1.0.0", null);
        r.commit("Add a greeting", "octocat", 12);
        r.commit("Fix <b>bold</b> & more\n\nLonger body", "hubot", 0);
        r.ref("1.1.0", null);

        CodeHistory.Comparison c = compare(FakeGitHub.TOKEN).compare(repo, "1.0.0", "1.1.0");

        assertThat(c.aheadBy()).isEqualTo(2);
        assertThat(c.behindBy()).isZero();
        assertThat(c.commits()).extracting(CodeHistory.Commit::message)
                .containsExactly("Add a greeting (#12)", "Fix <b>bold</b> & more\n\nLonger body");
        assertThat(c.commits()).extracting(CodeHistory.Commit::login).containsExactly("octocat", "hubot");
        // The web address is GitHub's own (here the fake's host), never assumed to be github.com.
        assertThat(c.repoWebUrl()).isEqualTo(server.url() + "/acme/commons");
        assertThat(c.compareUrl()).isEqualTo(server.url() + "/acme/commons/compare/1.0.0...1.1.0");
        FakeBuildServer.Received call = github.received("/repos/acme/commons/compare/").get(0);
        assertThat(call.path()).isEqualTo("/repos/acme/commons/compare/1.0.0...1.1.0");
        assertThat(call.header("Accept")).isEqualTo("application/vnd.github+json");
        assertThat(call.header("X-GitHub-Api-Version")).isEqualTo(GithubApi.API_VERSION);
    }

    @Test
    void countsAllCommitsWhileGitHubListsAtMost250() throws Exception {
        var r = github.repo("acme/commons");
        r.commit("Initial commit", "octocat", 0);
        r.ref("v1", null);
        for (int i = 0; i < 300; i++) {
            r.commit("Change " + i, "octocat", 1000 + i);
        }
        r.ref("v2", null);

        CodeHistory.Comparison c = compare(FakeGitHub.TOKEN).compare(repo, "v1", "v2");

        assertThat(c.aheadBy()).isEqualTo(300);
        assertThat(c.commits()).hasSize(250);
        assertThat(c.commits().get(0).message()).isEqualTo("Change 0 (#1000)");
    }

    @Test
    void anOlderHeadIsBehind() throws Exception {
        var r = github.repo("acme/commons");
        r.commit("one", "octocat", 0);
        r.ref("1.0.0", null);
        r.commit("two", "octocat", 0);
        r.commit("three", "octocat", 0);
        r.ref("1.1.0", null);

        CodeHistory.Comparison c = compare(FakeGitHub.TOKEN).compare(repo, "1.1.0", "1.0.0");

        assertThat(c.aheadBy()).isZero();
        assertThat(c.behindBy()).isEqualTo(2);
        assertThat(c.commits()).isEmpty();
    }

    @Test
    void anUnknownTagIsGitHubs404InWords() {
        github.repo("acme/commons").commit("one", "octocat", 0);
        github.repo("acme/commons").ref("1.0.0", null);

        assertThatThrownBy(() -> compare(FakeGitHub.TOKEN).compare(repo, "1.0.0", "9.9.9"))
                .isInstanceOf(CodeHistory.Unreadable.class)
                .hasMessage("GitHub has no such repository or ref in acme/commons, or the token cannot see it (HTTP 404)");
    }

    @Test
    void aServerErrorIsSaidWithItsStatus() {
        github.repo("acme/commons").commit("one", "octocat", 0);
        github.repo("acme/commons").ref("1.0.0", null).ref("1.1.0", null);
        github.failCompare("acme/commons", 500);

        assertThatThrownBy(() -> compare(FakeGitHub.TOKEN).compare(repo, "1.0.0", "1.1.0"))
                .isInstanceOf(CodeHistory.Unreadable.class).hasMessage("GitHub answered HTTP 500 for acme/commons");
    }

    @Test
    void aWrongTokenIsRefusedAndAMissingOneIsNamedByItsVariableNeverItsValue() {
        github.repo("acme/commons").commit("one", "octocat", 0);
        github.repo("acme/commons").ref("1.0.0", null).ref("1.1.0", null);

        assertThatThrownBy(() -> compare("ghp_not-the-right-token").compare(repo, "1.0.0", "1.1.0"))
                .isInstanceOf(CodeHistory.Unreadable.class)
                .hasMessage("GitHub refused the token for acme/commons (HTTP 401)");
        assertThatThrownBy(() -> compare(null).compare(repo, "1.0.0", "1.1.0"))
                .isInstanceOf(CodeHistory.Unreadable.class)
                .hasMessage("the GitHub token is not set (environment variable GITHUB_TOKEN)");
    }
}
