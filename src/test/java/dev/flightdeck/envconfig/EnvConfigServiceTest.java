package dev.flightdeck.envconfig;

import dev.flightdeck.slack.envconfig.RuleDetails;
import dev.flightdeck.team.TeamConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.flightdeck.envconfig.EnvConfigFixtures.QUEUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The config use cases (show, diff, check) against an in-memory source. */
class EnvConfigServiceTest {

    final TeamConfig team = EnvConfigFixtures.team();
    final FakeConfigSource source = new FakeConfigSource();
    final EnvConfigService service = new EnvConfigService(team, new ConfigReader(team, List.of(source)));

    void goodCommons() {
        for (String env : List.of("dev", "staging", "prod")) {
            source.plain("commons", env, "EMAIL_QUEUE_URL", QUEUE + "commons-" + env + "-emails")
                    .plain("commons", env, "DATABASE_URL", "jdbc:postgresql://db-" + env)
                    .secret("commons", env, "API_KEY", "k-" + env);
        }
    }

    static List<String> blocking(ConfigCheckReport report) {
        return report.blocking().stream().map(r -> r.key() + " " + r.rule().label() + ": " + RuleDetails.detail(r)).toList();
    }

    @Test
    void aCorrectConfigurationPassesEveryRule() {
        goodCommons();
        ConfigCheckReport report = service.check("commons", "prod");
        assertThat(report.passes()).isTrue();
        assertThat(report.results()).extracting(r -> r.rule().label() + " " + r.key() + " " + r.outcome()).containsExactly(
                "required EMAIL_QUEUE_URL PASS", "required DATABASE_URL PASS",
                "pattern EMAIL_QUEUE_URL PASS", "pattern API_KEY WARN",
                "differ-across-environments EMAIL_QUEUE_URL PASS", "differ-across-environments API_KEY PASS",
                "unique-across-services EMAIL_QUEUE_URL PASS");
    }

    @Test
    void aMissingRequiredKeyFailsNamingIt() {
        source.plain("commons", "prod", "EMAIL_QUEUE_URL", QUEUE + "commons-prod-emails");
        assertThat(blocking(service.check("commons", "prod"))).containsExactly(
                "DATABASE_URL required: *DATABASE_URL* is missing in prod");
    }

    @Test
    void theOutageAProdQueueNamingStagingFailsThePatternTheDifferRuleAndIsFlagged() {
        FakeConfigSource fresh = new FakeConfigSource();
        for (String env : List.of("dev", "staging")) {
            fresh.plain("commons", env, "EMAIL_QUEUE_URL", QUEUE + "commons-" + env + "-emails");
        }
        fresh.plain("commons", "prod", "EMAIL_QUEUE_URL", QUEUE + "commons-staging-emails")
                .plain("commons", "prod", "DATABASE_URL", "jdbc:x");
        var svc = new EnvConfigService(team, new ConfigReader(team, List.of(fresh)));

        ConfigCheckReport report = svc.check("commons", "prod");

        assertThat(blocking(report)).containsExactly(
                "EMAIL_QUEUE_URL pattern: *EMAIL_QUEUE_URL* in prod is `" + QUEUE + "commons-staging-emails`, which does "
                        + "not match `/commons-prod-emails$`",
                "EMAIL_QUEUE_URL differ-across-environments: *EMAIL_QUEUE_URL* in prod has the same value as in staging");
        assertThat(report.warnings()).extracting(RuleDetails::detail).containsExactly(
                "*EMAIL_QUEUE_URL* in prod names staging: `" + QUEUE + "commons-staging-emails`");
    }

    @Test
    void theOutageTwoServicesOnOneQueueFailsUniqueAcrossServicesWhateverTheOtherKeyIsCalled() {
        goodCommons();
        source.plain("mailer", "prod", "NOTIFY_QUEUE", QUEUE + "commons-prod-emails");

        assertThat(blocking(service.check("commons", "prod"))).containsExactly(
                "EMAIL_QUEUE_URL unique-across-services: *EMAIL_QUEUE_URL* in prod has the same value as mailer's "
                        + "NOTIFY_QUEUE in prod");
        assertThat(service.check("commons", "staging").passes()).isTrue();
    }

    @Test
    void secretsAreComparedByFingerprintForTheDifferRule() {
        goodCommons();
        FakeConfigSource same = new FakeConfigSource();
        for (String env : List.of("dev", "staging", "prod")) {
            same.plain("commons", env, "EMAIL_QUEUE_URL", QUEUE + "commons-" + env + "-emails")
                    .plain("commons", env, "DATABASE_URL", "jdbc:" + env)
                    .secret("commons", env, "API_KEY", env.equals("dev") ? "k-dev" : "k-shared");
        }
        var svc = new EnvConfigService(team, new ConfigReader(team, List.of(same)));

        assertThat(blocking(svc.check("commons", "prod"))).containsExactly(
                "API_KEY differ-across-environments: *API_KEY* in prod has the same value as in staging");
    }

    @Test
    void anotherEnvironmentThatCannotBeReadMakesOnlyItsRuleUnknownAndBlocking() {
        goodCommons();
        source.down("commons", "dev");

        ConfigCheckReport report = service.check("commons", "prod");

        assertThat(report.blocking()).extracting(r -> r.key() + " " + r.outcome()).containsExactly(
                "EMAIL_QUEUE_URL UNKNOWN", "API_KEY UNKNOWN");
        assertThat(RuleDetails.detail(report.blocking().get(0))).contains("dev (fake store for commons in dev: AWS could not be reached)");
    }

    @Test
    void theServicesOwnConfigurationUnreadableIsAnError() {
        source.down("commons", "prod");
        assertThatThrownBy(() -> service.check("commons", "prod")).isInstanceOf(ConfigSourceException.class);
    }

    @Test
    void diffListsMissingDifferingSecretsAndSuspicious() {
        source.plain("commons", "staging", "A", "1").plain("commons", "prod", "A", "2")
                .plain("commons", "staging", "ONLY_STAGING", "x")
                .plain("commons", "prod", "ONLY_PROD", "y")
                .plain("commons", "staging", "SAME", "z").plain("commons", "prod", "SAME", "z")
                .secret("commons", "staging", "S1", "v").secret("commons", "prod", "S1", "v")
                .secret("commons", "staging", "S2", "v").secret("commons", "prod", "S2", "w")
                .plain("commons", "prod", "Q", "https://x/commons-staging-q");

        ConfigDiff diff = service.diff("commons", "staging", "prod");

        assertThat(diff.onlyInA()).containsExactly("ONLY_STAGING");
        assertThat(diff.onlyInB()).containsExactly("ONLY_PROD", "Q");
        assertThat(diff.differing()).extracting(ConfigDiff.Differing::key).containsExactly("A");
        assertThat(diff.secrets()).extracting(s -> s.key() + " " + s.same()).containsExactly("S1 true", "S2 false");
        assertThat(diff.samePlain()).isEqualTo(1);
        assertThat(diff.suspicious()).extracting(s -> s.key() + " " + s.env() + " " + s.namedEnv()).containsExactly("Q prod staging");
        assertThat(diff.identical()).isFalse();
    }
}
