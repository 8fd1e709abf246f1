package dev.flightdeck.envconfig;

import dev.flightdeck.slack.envconfig.RuleDetails;
import dev.flightdeck.deploy.Gate;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.deploy.check.CheckOutcome;
import dev.flightdeck.deploy.check.DeployCandidate;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.flightdeck.envconfig.EnvConfigFixtures.QUEUE;
import static org.assertj.core.api.Assertions.assertThat;

/** The config gate with an in-memory source. */
class ConfigDeployCheckTest {

    final TeamConfig team = EnvConfigFixtures.team();
    final FakeConfigSource source = new FakeConfigSource();
    final ConfigDeployCheck check = new ConfigDeployCheck(new EnvConfigService(team, new ConfigReader(team, List.of(source))),
            new RuleDetails());

    DeployCandidate candidate(String service, String env) {
        return new DeployCandidate(service, env, "1.0.0", "U1", team.service(service).orElseThrow(),
                team.environment(env).orElseThrow(), Instant.parse("2026-11-24T10:00:00Z"));
    }

    void commons(String env, String queue) {
        source.plain("commons", env, "EMAIL_QUEUE_URL", queue).plain("commons", env, "DATABASE_URL", "jdbc:" + env);
    }

    @Test
    void isTheConfigGate() {
        assertThat(check.name()).isEqualTo("config");
        assertThat(check.gate()).contains(Gate.CONFIG);
    }

    @Test
    void passesWhenEveryRulePasses() {
        commons("staging", QUEUE + "commons-staging-emails");
        commons("prod", QUEUE + "commons-prod-emails");
        assertThat(check.check(candidate("commons", "prod")))
                .isEqualTo(new CheckOutcome.Passed("7 config rule checks pass for commons in prod"));
    }

    @Test
    void blocksNamingEachFailingKeyAndRule() {
        commons("staging", QUEUE + "commons-staging-emails");
        commons("prod", QUEUE + "commons-staging-emails");

        CheckOutcome outcome = check.check(candidate("commons", "prod"));

        assertThat(outcome).isInstanceOf(CheckOutcome.Blocked.class);
        assertThat(outcome.text()).isEqualTo("config rule pattern on EMAIL_QUEUE_URL: *EMAIL_QUEUE_URL* in prod is `"
                + QUEUE + "commons-staging-emails`, which does not match `/commons-prod-emails$`; "
                + "config rule differ-across-environments on EMAIL_QUEUE_URL: *EMAIL_QUEUE_URL* in prod has the same "
                + "value as in staging");
    }

    @Test
    void aStoreThatCannotBeReadBlocksSayingSo() {
        source.down("commons", "prod");
        assertThat(check.check(candidate("commons", "prod"))).isEqualTo(new CheckOutcome.Blocked(
                "could not read the configuration of commons in prod: fake store for commons in prod: AWS could not be reached"));
    }

    @Test
    void aServiceWithoutRulesPasses() {
        assertThat(check.check(candidate("mailer", "prod"))).isEqualTo(new CheckOutcome.Passed("no config rules for mailer"));
    }
}
