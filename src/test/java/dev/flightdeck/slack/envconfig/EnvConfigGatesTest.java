package dev.flightdeck.slack.envconfig;

import dev.flightdeck.alarms.AlarmsDeployCheck;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.deploy.check.CheckOutcome;
import dev.flightdeck.deploy.check.DeployCandidate;
import dev.flightdeck.deploy.check.DeployCheck;
import dev.flightdeck.envconfig.ConfigDeployCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alarms and config gates as the deploy flow finds them (every DeployCheck bean), against moto_server; the
 * whole request flow through them is GatesEndToEndTest.
 */
class EnvConfigGatesTest {

    static EnvConfigWorld world;
    static TeamConfig team;

    @BeforeAll
    static void start() throws Exception {
        world = EnvConfigWorld.get();
        team = world.bean(TeamConfig.class);
    }

    static DeployCandidate candidate(String service, String env) {
        return candidate(team, service, env);
    }

    static DeployCandidate candidate(TeamConfig team, String service, String env) {
        return new DeployCandidate(service, env, "1.2.3", EnvConfigWorld.ALICE, team.service(service).orElseThrow(),
                team.environment(env).orElseThrow(), Instant.parse("2026-11-24T10:00:00Z"));
    }

    @Test
    void bothGatesAreDeployCheckBeans() {
        assertThat(world.server.getApplicationContext().getBeansOfType(DeployCheck.class))
                .extracting(DeployCheck::name).contains("alarms", "config");
    }

    @Test
    void theConfigGateBlocksTheProdDeployOfTheReproducedOutageNamingKeyAndRule() {
        CheckOutcome outcome = world.bean(ConfigDeployCheck.class).check(candidate("commons", "prod"));

        assertThat(outcome).isInstanceOf(CheckOutcome.Blocked.class);
        assertThat(outcome.text()).isEqualTo("config rule unique-across-services on EMAIL_QUEUE_URL: *EMAIL_QUEUE_URL* in "
                + "prod has the same value as mailer's EMAIL_QUEUE_URL in prod");
    }

    @Test
    void theConfigGateBlocksAProdValueNamingStaging() {
        CheckOutcome outcome = world.bean(ConfigDeployCheck.class).check(candidate("notifier", "prod"));

        assertThat(outcome.blocks()).isTrue();
        assertThat(outcome.text()).startsWith("config rule pattern on EMAIL_QUEUE_URL:").contains("notifier-staging-emails");
    }

    @Test
    void theConfigGatePassesWhereTheConfigIsRight() {
        assertThat(world.bean(ConfigDeployCheck.class).check(candidate("commons", "staging")))
                .isInstanceOf(CheckOutcome.Passed.class);
    }

    @Test
    void theAlarmsGateBlocksProdNamingTheFiringAlarmAndPassesStagingWithInsufficientData() {
        CheckOutcome prod = world.bean(AlarmsDeployCheck.class).check(candidate("commons", "prod"));
        CheckOutcome staging = world.bean(AlarmsDeployCheck.class).check(candidate("commons", "staging"));

        assertThat(prod.blocks()).isTrue();
        assertThat(prod.text()).startsWith("1 alarm firing for commons in prod: *commons-prod-5xx* in ALARM since ");
        assertThat(staging).isEqualTo(new CheckOutcome.Passed("no alarms firing for commons in staging"));
    }
}
