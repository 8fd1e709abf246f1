package dev.flightdeck.slack.envconfig;

import dev.flightdeck.testing.FakeSlack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.flightdeck.slack.envconfig.EnvConfigCommandsTest.shown;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /deploy alarms} against moto_server's CloudWatch and {@code /deploy health} against local HTTP servers. */
class AlarmsAndHealthCommandsTest {

    static EnvConfigWorld world;

    @BeforeAll
    static void start() throws Exception {
        world = EnvConfigWorld.get();
    }

    @Test
    void alarmsOfOneServiceInOneEnvironmentShowStateReasonAndSince() {
        assertThat(world.ack("alarms commons prod")).isEqualTo("Looking up the alarms of commons in prod…");

        String text = shown(world.deploy("alarms commons prod"));

        assertThat(text).contains("Alarms of commons in prod", "1 alarm in ALARM, 0 with INSUFFICIENT_DATA")
                .contains("*commons* (prod) · name prefix `commons-prod-`: 1 alarm not OK")
                .containsPattern(":red_circle: `commons-prod-5xx` \\*ALARM\\* since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC — "
                        + "Threshold Crossed: 3 datapoints > 10")
                .doesNotContain("commons-prod-latency");
    }

    @Test
    void alarmsOfEveryServiceAndEnvironmentIncludeTagSelectedAndInsufficientData() {
        String text = shown(world.deploy("alarms"));

        assertThat(text).contains("Alarms of all services")
                .contains("*commons* (staging) · name prefix `commons-staging-`", ":white_circle: `commons-staging-5xx` *INSUFFICIENT_DATA*")
                .contains(":white_check_mark: *commons* (dev) · name prefix `commons-dev-`: all OK")
                // mailer's selector has no {env}: asked once, for every environment.
                .contains("*mailer* (dev, staging, prod) · tags `service=mailer`", "`mailer-bounces` *ALARM*", "bounce rate 9%");
    }

    @Test
    void alarmsOfAServiceWithoutASelectorAreRefusedSayingWhatToAdd() {
        assertThat(world.ack("alarms notifier")).contains("*notifier* has no alarms in the team config", "alarms: prefix:");
    }

    @Test
    void healthOf200WithDependencyDetails() {
        assertThat(world.ack("health commons prod")).isEqualTo("Calling the health check of *commons* in *prod*…");

        String text = shown(world.deploy("health commons prod"));

        assertThat(text).contains("Health of commons in prod")
                .containsPattern(":white_check_mark: HTTP 200 in \\d+ ms, status UP")
                .contains(":white_check_mark: *jdbc* UP", ":white_check_mark: *sqs* UP", ":white_check_mark: *diskSpace* UP")
                .contains(world.health.url("/ok"));
    }

    @Test
    void healthOf503NamesTheBrokenDependency() {
        String text = shown(world.deploy("health commons staging"));

        assertThat(text).containsPattern(":x: HTTP 503 in \\d+ ms, status DOWN")
                .contains(":x: *db* DOWN — org.postgresql.util.PSQLException: Connection refused")
                .contains(":white_check_mark: *redis* UP");
    }

    @Test
    void aHealthCheckThatHangsIsReportedAsTimedOut() {
        long started = System.nanoTime();
        FakeSlack.Call answer = world.deploy("health commons dev");

        assertThat(shown(answer)).contains(":hourglass: no answer within 700 ms (timed out)");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(10_000);
    }

    @Test
    void anEnvironmentWithoutAHealthUrlIsRefusedNamingThoseThatHaveOne() {
        assertThat(world.ack("health mailer prod")).isEqualTo("*mailer* has no health URL for *prod* in the team config "
                + "(it has one for: none). Add it under `services: mailer: health:`.");
    }
}
