package dev.flightdeck.deploy;

import dev.flightdeck.deploy.fakes.DeployWorld;
import dev.flightdeck.envconfig.ConfigSource;
import dev.flightdeck.envconfig.ConfigSourceException;
import dev.flightdeck.envconfig.EnvConfigSettings;
import dev.flightdeck.envconfig.SecretValues;
import dev.flightdeck.envconfig.SourceRead;
import dev.flightdeck.team.BuildBackendConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The use case on in-memory ports: what it reads is masked before anyone is told, late logs are said, not waited for. */
class FailureExplanationsTest {

    final DeployWorld world = new DeployWorld();
    final List<String> envsAsked = new ArrayList<>();
    final FailedBuild failed = new FailedBuild("commons", Optional.of("prod"), new BuildBackendConfig.CodeBuild("commons-prod"),
            "commons-prod build #9", "https://ci.example.com/build/9");

    /** A config store holding one secret value per environment. */
    ConfigSource store(boolean reachable) {
        return new ConfigSource() {
            @Override
            public String name() {
                return "test store";
            }

            @Override
            public SourceRead read(String service, String env, EnvConfigSettings settings) {
                return SourceRead.EMPTY;
            }

            @Override
            public List<String> secretValues(String service, String env, EnvConfigSettings settings) {
                if (!reachable) {
                    throw new ConfigSourceException("test store: access denied", null);
                }
                envsAsked.add(env);
                return List.of("db-secret-of-" + env);
            }
        };
    }

    FailureExplanations explanations(BuildFailures reader, boolean reachable, Duration timeout) {
        return new FailureExplanations(reader, new SecretValues(world.team, List.of(store(reachable))), world.announcer,
                news, world.team, true, timeout);
    }

    final List<BuildFailure> foreign = new ArrayList<>();
    final BuildNewsAnnouncer news = new BuildNewsAnnouncer() {
        @Override
        public void foreignBuild(ForeignBuild build) {
        }

        @Override
        public synchronized void foreignFailure(ForeignBuild build, BuildFailure why) {
            foreign.add(why);
        }
    };

    @Test
    void secretsOfTheEnvironmentAndTokenShapesAreMaskedInTheLinesAndTheStep() {
        BuildFailures reader = b -> new BuildFailure.Report("phase BUILD with db-secret-of-prod",
                List.of("export DB=db-secret-of-prod", "token xoxb-1234567890-abcdefghij", "db-secret-of-staging"), b.url());

        BuildFailure told = explanations(reader, true, Duration.ofSeconds(5)).explain(failed);

        assertThat(told).isEqualTo(new BuildFailure.Report("phase BUILD with [masked]",
                List.of("export DB=[masked]", "token [masked]", "db-secret-of-staging"), "https://ci.example.com/build/9"));
        assertThat(envsAsked).containsExactly("prod");
    }

    @Test
    void aBuildOfNoEnvironmentIsMaskedWithTheSecretsOfEveryEnvironment() {
        BuildFailures reader = b -> new BuildFailure.Report(null, List.of("db-secret-of-staging db-secret-of-prod"), null);
        FailedBuild ci = new FailedBuild("commons", Optional.empty(), failed.backend(), "main #3", null);

        assertThat(((BuildFailure.Report) explanations(reader, true, Duration.ofSeconds(5)).explain(ci)).lines())
                .containsExactly("[masked] [masked]");
        assertThat(envsAsked).containsExactlyInAnyOrder("prod", "staging");
    }

    @Test
    void whenTheSecretsCannotBeReadTheLogIsNotQuoted() {
        BuildFailures reader = b -> new BuildFailure.Report("x", List.of("db-secret-of-prod"), b.url());

        BuildFailure told = explanations(reader, false, Duration.ofSeconds(5)).explain(failed);

        assertThat(told).isEqualTo(new BuildFailure.Unreadable("the service's secrets could not be read to mask it "
                + "(test store: access denied)", "https://ci.example.com/build/9"));
    }

    @Test
    void aReaderThatBreaksIsSaidAndAReasonIsMaskedToo() {
        assertThat(explanations(b -> {
            throw new IllegalStateException("boom");
        }, true, Duration.ofSeconds(5)).explain(failed)).isEqualTo(new BuildFailure.Unreadable(
                "reading it failed (IllegalStateException)", "https://ci.example.com/build/9"));
        assertThat(explanations(b -> new BuildFailure.Unreadable("bad token ghp_16C7e42F292c6912E7710c838347Ae178B4a", null),
                true, Duration.ofSeconds(5)).explain(failed)).isEqualTo(new BuildFailure.Unreadable("bad token [masked]", null));
    }

    @Test
    void aLogThatDoesNotArriveInTimeIsSaidInTheDeploysThreadWhileTheReadIsStillHanging() throws Exception {
        CountDownLatch hang = new CountDownLatch(1);
        BuildFailures reader = b -> {
            try {
                hang.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new BuildFailure.Report(null, List.of("too late"), null);
        };
        DeployRequest r = DeployRequests.aProdRequest().id(7).in(DeployState.FAILED).build();

        explanations(reader, true, Duration.ofMillis(200)).deployFailed(r);

        DeployNews told = awaitNews();
        hang.countDown();
        assertThat(told).isEqualTo(new DeployNews.BuildExplained(new BuildFailure.Unreadable("it did not arrive within 200ms",
                r.buildUrl())));
    }

    private DeployNews awaitNews() throws InterruptedException {
        Instant until = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(until)) {
            Optional<DeployNews> n = world.announcer.news().stream().filter(x -> x instanceof DeployNews.BuildExplained).findFirst();
            if (n.isPresent()) {
                return n.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no explanation told");
    }
}
