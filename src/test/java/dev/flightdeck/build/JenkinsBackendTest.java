package dev.flightdeck.build;

import dev.flightdeck.build.FakeBuildServer.Answer;
import dev.flightdeck.build.jenkins.JenkinsBackend;
import dev.flightdeck.team.BuildBackendConfig;
import dev.flightdeck.deploy.BuildTrigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a fake Jenkins that insists on what the real one does: basic auth, the crumb and its session. */
class JenkinsBackendTest {

    static final String TOKEN = "11a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6";
    final FakeBuildServer jenkins = new FakeBuildServer();
    final BuildHttp http = new BuildHttp(Duration.ofSeconds(5), Duration.ZERO);
    final JenkinsBackend backend = new JenkinsBackend(http, new MapSecrets(Map.of("JENKINS_TOKEN", TOKEN)));
    final BuildParameters params = new BuildParameters("commons", "prod", "5.11.2", "U0MICHAEL1", 42);
    final String basic = "Basic " + Base64.getEncoder().encodeToString(("deploy-bot:" + TOKEN).getBytes(StandardCharsets.UTF_8));

    @AfterEach
    void stop() {
        jenkins.close();
    }

    BuildBackendConfig.Jenkins config() {
        return new BuildBackendConfig.Jenkins(jenkins.url(), "commons-{env}-server", "deploy-bot", "JENKINS_TOKEN").forEnv("prod");
    }

    void realJenkins(int pollsBeforeBuild) {
        AtomicInteger polls = new AtomicInteger();
        jenkins.on("GET /crumbIssuer/api/json", r -> basic.equals(r.header("Authorization"))
                ? new Answer(200, "{\"_class\":\"hudson.security.csrf.DefaultCrumbIssuer\",\"crumb\":\"c0ffee\",\"crumbRequestField\":\"Jenkins-Crumb\"}",
                Map.of("Set-Cookie", "JSESSIONID.abc=node01xyz; Path=/; HttpOnly"))
                : Answer.of(401, ""));
        jenkins.on("POST /job/commons-prod-server/buildWithParameters", r -> {
            if (!basic.equals(r.header("Authorization"))) {
                return Answer.of(401, "");
            }
            if (!"c0ffee".equals(r.header("Jenkins-Crumb")) || !"JSESSIONID.abc=node01xyz".equals(r.header("Cookie"))) {
                return Answer.of(403, "No valid crumb was included in the request");
            }
            return new Answer(201, "", Map.of("Location", jenkins.url() + "/queue/item/731/"));
        });
        jenkins.on("GET /queue/item/731/api/json", r -> polls.incrementAndGet() <= pollsBeforeBuild
                ? Answer.of(200, "{\"_class\":\"hudson.model.Queue$WaitingItem\",\"id\":731,\"why\":\"Waiting for next available executor\"}")
                : Answer.of(200, "{\"_class\":\"hudson.model.Queue$LeftItem\",\"id\":731,\"executable\":{\"_class\":\"hudson.model.FreeStyleBuild\","
                + "\"number\":196,\"url\":\"" + jenkins.url() + "/job/commons-prod-server/196/\"}}"));
    }

    @Test
    void triggersWithCrumbSessionAndParametersThenFollowsTheQueueToTheBuild() throws Exception {
        realJenkins(2);

        BuildTrigger result = backend.trigger(config(), params);

        assertThat(result).isEqualTo(new BuildTrigger.Started("commons-prod-server build #196",
                jenkins.url() + "/job/commons-prod-server/196/"));
        var post = jenkins.received("POST", "/job/commons-prod-server/buildWithParameters");
        assertThat(post).hasSize(1);
        assertThat(post.get(0).query()).isEqualTo("SERVICE=commons&ENVIRONMENT=prod&VERSION=5.11.2&REQUESTER=U0MICHAEL1&DEPLOY_ID=42");
        assertThat(jenkins.received("GET", "/queue/item/731/api/json")).hasSize(3);
    }

    @Test
    void aWrongTokenIsNamedWithoutShowingIt() throws Exception {
        realJenkins(0);
        JenkinsBackend wrong = new JenkinsBackend(http, new MapSecrets(Map.of("JENKINS_TOKEN", "not-the-token")));

        BuildTrigger result = wrong.trigger(config(), params);

        assertThat(result).isInstanceOf(BuildTrigger.Failed.class);
        assertThat(((BuildTrigger.Failed) result).reason()).contains("refused the API token of deploy-bot", "401")
                .doesNotContain("not-the-token");
        assertThat(jenkins.received("POST", "/job/")).isEmpty();
    }

    @Test
    void aMissingTokenVariableAndAMissingJobAreSaidPlainly() throws Exception {
        var noToken = new JenkinsBackend(http, new MapSecrets(Map.of())).trigger(config(), params);
        assertThat(((BuildTrigger.Failed) noToken).reason()).contains("JENKINS_TOKEN");
        assertThat(jenkins.received()).isEmpty();

        realJenkins(0);
        var other = new BuildBackendConfig.Jenkins(jenkins.url(), "nope-{env}", "deploy-bot", "JENKINS_TOKEN").forEnv("prod");
        var missing = backend.trigger(other, params);
        assertThat(((BuildTrigger.Failed) missing).reason()).isEqualTo("Jenkins has no job nope-prod at " + jenkins.url());
    }

    @Test
    void aJenkinsThatIsDownIsAFailedTriggerNamingTheHost() throws Exception {
        int closed;
        try (var socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        var down = new BuildBackendConfig.Jenkins("http://127.0.0.1:" + closed, "commons-{env}-server", "deploy-bot", "JENKINS_TOKEN");
        var built = new dev.flightdeck.build.BuildBackends(backend, null, null, null);
        var service = new dev.flightdeck.team.ServiceConfig("commons", down, dev.flightdeck.envconfig.EnvConfigSettings.NONE,
                java.util.Optional.empty(), Map.of());
        var request = BuildStatusReadersTest.running(42, null, null);
        BuildTrigger result = built.trigger(request, service);
        assertThat(((BuildTrigger.Failed) result).reason()).isEqualTo("127.0.0.1 did not answer (ConnectException)");
    }

    @Test
    void aBuildStillQueuedAfterThePollsIsReportedAsQueued() throws Exception {
        realJenkins(1000);
        BuildTrigger result = backend.trigger(config(), params);
        assertThat(result).isEqualTo(new BuildTrigger.Started("commons-prod-server (queued)", jenkins.url() + "/queue/item/731/"));
    }

    @Test
    void nestedFoldersBecomeJobPaths() throws Exception {
        realJenkins(0);
        jenkins.on("POST /job/team/job/commons-prod/buildWithParameters",
                r -> new Answer(201, "", Map.of("Location", jenkins.url() + "/queue/item/731/")));
        var nested = new BuildBackendConfig.Jenkins(jenkins.url() + "/", "team/commons-{env}", "deploy-bot", "JENKINS_TOKEN").forEnv("prod");
        assertThat(backend.trigger(nested, params)).isInstanceOf(BuildTrigger.Started.class);
        assertThat(jenkins.received("POST", "/job/team/job/commons-prod/buildWithParameters")).hasSize(1);
    }

    @Test
    void aBranchDeployPassesTheBranchAsTheVersionAndAsParameterBranch() throws Exception {
        realJenkins(0);

        backend.trigger(config(), new BuildParameters("commons", "prod", "feature/emails", "U0MICHAEL1", 43,
                java.util.Optional.of("feature/emails")));

        assertThat(jenkins.received("POST", "/job/commons-prod-server/buildWithParameters").get(0).query())
                .isEqualTo("SERVICE=commons&ENVIRONMENT=prod&VERSION=feature%2Femails&REQUESTER=U0MICHAEL1&DEPLOY_ID=43"
                        + "&BRANCH=feature%2Femails");
    }
}
