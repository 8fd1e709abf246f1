package dev.flightdeck.build;

import dev.flightdeck.build.github.GithubChecks;
import dev.flightdeck.deploy.check.CiStatus;
import dev.flightdeck.team.RepoRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.flightdeck.deploy.check.CiStatus.State.FAILED;
import static dev.flightdeck.deploy.check.CiStatus.State.PASSED;
import static dev.flightdeck.deploy.check.CiStatus.State.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The GitHub adapter of gate ci against the loopback FakeGitHub: GitHub's paths, headers, pages and words. */
class GithubChecksTest {

    static final String REPO = "Codertocat/Hello-World";
    final CiApp app = CiApp.shared();
    final GithubChecks checks = app.server.getApplicationContext().getBean(GithubChecks.class);
    final RepoRef repo = new RepoRef(REPO, RepoRef.DEFAULT_TOKEN_ENV);

    @AfterEach
    void githubUp() {
        app.github.checksFailWith(0);
    }

    @Test
    void everyConclusionAndStatusStateIsReadAsGithubMeansIt() throws Exception {
        String sha = app.github.repo(REPO).commit("conclusions", "Codertocat", 0);
        app.github.repo(REPO).ref("c-" + sha.substring(0, 8), sha);
        FakeGitHub.CommitCi ci = app.github.ci(sha);
        for (String passes : new String[] {"success", "neutral", "skipped"}) {
            ci.run("run-" + passes, "completed", passes);
        }
        for (String fails : new String[] {"failure", "cancelled", "timed_out", "action_required", "startup_failure", "stale"}) {
            ci.run("run-" + fails, "completed", fails);
        }
        ci.run("run-queued", "queued", null).run("run-in_progress", "in_progress", null);
        ci.status("st-success", "success", "https://ci.example.com/1").status("st-pending", "pending", null)
                .status("st-failure", "failure", null).status("st-error", "error", null);

        CiStatus.Report report = checks.read(repo, "c-" + sha.substring(0, 8));

        assertThat(report.sha()).isEqualTo(sha);
        assertThat(report.runs()).extracting(CiStatus.Run::name, CiStatus.Run::state).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("run-success", PASSED), org.assertj.core.groups.Tuple.tuple("run-neutral", PASSED),
                org.assertj.core.groups.Tuple.tuple("run-skipped", PASSED), org.assertj.core.groups.Tuple.tuple("run-failure", FAILED),
                org.assertj.core.groups.Tuple.tuple("run-cancelled", FAILED), org.assertj.core.groups.Tuple.tuple("run-timed_out", FAILED),
                org.assertj.core.groups.Tuple.tuple("run-action_required", FAILED),
                org.assertj.core.groups.Tuple.tuple("run-startup_failure", FAILED), org.assertj.core.groups.Tuple.tuple("run-stale", FAILED),
                org.assertj.core.groups.Tuple.tuple("run-queued", RUNNING), org.assertj.core.groups.Tuple.tuple("run-in_progress", RUNNING),
                org.assertj.core.groups.Tuple.tuple("st-success", PASSED), org.assertj.core.groups.Tuple.tuple("st-pending", RUNNING),
                org.assertj.core.groups.Tuple.tuple("st-failure", FAILED), org.assertj.core.groups.Tuple.tuple("st-error", FAILED));
        assertThat(report.runs()).filteredOn(r -> r.name().equals("run-failure")).singleElement()
                .satisfies(r -> assertThat(r.url()).isEqualTo(ci.runUrl(REPO, "run-failure")));
        assertThat(report.runs()).filteredOn(r -> r.name().equals("st-success")).singleElement()
                .satisfies(r -> assertThat(r.url()).isEqualTo("https://ci.example.com/1"));
        FakeBuildServer.Received call = app.github.received("/repos/" + REPO + "/commits/" + sha + "/check-runs").get(0);
        assertThat(call.header("Authorization")).isEqualTo("Bearer " + FakeGitHub.TOKEN);
        assertThat(call.header("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
        assertThat(call.query()).isEqualTo("per_page=100&page=1");
    }

    @Test
    void everyPageOfCheckRunsIsRead() throws Exception {
        String sha = app.github.repo(REPO).commit("many runs", "Codertocat", 0);
        FakeGitHub.CommitCi ci = app.github.ci(sha);
        for (int i = 0; i < 230; i++) {
            ci.run("matrix-" + i, "completed", "success");
        }
        ci.run("matrix-229", "completed", "failure");

        CiStatus.Report report = checks.read(repo, sha);

        assertThat(report.runs()).hasSize(230);
        assertThat(report.runs()).filteredOn(r -> r.state() == FAILED).extracting(CiStatus.Run::name).containsExactly("matrix-229");
        assertThat(app.github.received("/repos/" + REPO + "/commits/" + sha + "/check-runs"))
                .extracting(FakeBuildServer.Received::query)
                .containsExactly("per_page=100&page=1", "per_page=100&page=2", "per_page=100&page=3");
    }

    @Test
    void aVersionWithoutItsTagsLeadingVIsFoundAsTheVTag() throws Exception {
        String sha = app.github.repo(REPO).commit("v-tagged", "Codertocat", 0);
        String version = "9.8." + (System.nanoTime() % 100_000);
        app.github.repo(REPO).ref("v" + version, sha);
        app.github.ci(sha).run("build", "completed", "success");

        CiStatus.Report report = checks.read(repo, version);

        assertThat(report.sha()).isEqualTo(sha);
        assertThat(report.runs()).extracting(CiStatus.Run::state).containsExactly(PASSED);
    }

    @Test
    void anUnknownVersionAndAServerErrorAreUnreadableWithTheReason() {
        assertThatThrownBy(() -> checks.read(repo, "0.0.0-nowhere")).isInstanceOf(CiStatus.Unreadable.class)
                .hasMessage("GitHub knows no commit, tag or branch 0.0.0-nowhere (nor v0.0.0-nowhere) in " + REPO
                        + ", or its token cannot see that repository (HTTP 404)");
        String sha = app.github.repo(REPO).commit("down", "Codertocat", 0);
        app.github.checksFailWith(502);
        assertThatThrownBy(() -> checks.read(repo, sha)).isInstanceOf(CiStatus.Unreadable.class)
                .hasMessage("GitHub answered HTTP 502 for " + REPO);
        assertThatThrownBy(() -> checks.read(new RepoRef("nobody/nothing", RepoRef.DEFAULT_TOKEN_ENV), sha))
                .isInstanceOf(CiStatus.Unreadable.class).hasMessageEndingWith("in nobody/nothing, or its token cannot see that repository (HTTP 404)");
    }
}
