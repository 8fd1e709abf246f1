package dev.flightdeck.slack.envconfig;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.flightdeck.alarms.AlarmsDeployCheck;
import dev.flightdeck.envconfig.ConfigDeployCheck;
import dev.flightdeck.envconfig.Fingerprinter;
import dev.flightdeck.testing.FakeSlack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secret values never leave AWS through Flightdeck. Runs every config, diff, check, alarms and
 * health command and both gates with Flightdeck's and the AWS SDK's loggers at DEBUG, then looks for every seeded
 * secret value in every Slack call (requests and acks), every log line (with stack traces) since the world started,
 * and every row of every table.
 */
class NoSecretAnywhereTest {

    static EnvConfigWorld world;

    @BeforeAll
    static void start() throws Exception {
        world = EnvConfigWorld.get();
    }

    @Test
    void noSecretValueReachesSlackTheLogOrTheDatabase() throws SQLException {
        List<String> acks = new ArrayList<>();
        // Levels may be unset (null: inherited); restore them as they were.
        Map<String, Level> before = new java.util.HashMap<>();
        before.put("dev.flightdeck", level("dev.flightdeck"));
        before.put("software.amazon.awssdk", level("software.amazon.awssdk"));
        try {
            setLevel("dev.flightdeck", Level.DEBUG);
            setLevel("software.amazon.awssdk", Level.DEBUG);
            for (String command : List.of("config commons prod", "config commons staging", "config commons dev",
                    "config mailer prod", "config diff commons dev prod", "config diff commons staging prod",
                    "config check commons prod", "config check commons staging", "config check commons dev",
                    "config check notifier prod", "alarms", "health commons prod")) {
                acks.add(world.ack(command));
                world.deploy(command);
            }
            var team = world.bean(dev.flightdeck.team.TeamConfig.class);
            for (String env : EnvConfigWorld.envs()) {
                var candidate = EnvConfigGatesTest.candidate(team, "commons", env);
                acks.add(world.bean(ConfigDeployCheck.class).check(candidate).text());
                acks.add(world.bean(AlarmsDeployCheck.class).check(candidate).text());
            }
            assertThat(team.services()).containsKey("mailer");
        } finally {
            before.forEach((name, level) -> setLevel(name, level));
        }

        String slack = world.slack.calls().stream().map(NoSecretAnywhereTest::everything).reduce("", String::concat)
                + String.join("\n", acks);
        String logs = String.join("\n", world.logs.linesWithThrowables());
        String database = dumpDatabase();

        // The captures hold what they should, so finding nothing below means something.
        Fingerprinter fingerprints = world.bean(Fingerprinter.class);
        assertThat(slack).contains(fingerprints.of("shared-Pa55-word-q9"), fingerprints.of("smtp-Secret-z7"));
        assertThat(logs).contains("DEBUG").contains("software.amazon.awssdk");
        assertThat(database).contains("config.checked", "EMAIL_QUEUE_URL unique-across-services");
        assertThat(world.seed.secretValues()).hasSizeGreaterThanOrEqualTo(8);

        for (String secret : world.seed.secretValues()) {
            assertThat(slack).as("Slack calls").doesNotContain(secret);
            assertThat(logs).as("log lines").doesNotContain(secret);
            assertThat(database).as("database rows").doesNotContain(secret);
        }
    }

    private static String everything(FakeSlack.Call call) {
        return call.method() + " " + call.rawBody() + " " + call.params() + " " + call.response() + "\n";
    }

    private String dumpDatabase() throws SQLException {
        StringBuilder out = new StringBuilder();
        // A connection of our own (the app's DataSource hands out connections only inside its transactions).
        String url = world.server.getApplicationContext().getRequiredProperty("datasources.default.url", String.class);
        try (Connection c = java.sql.DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = CURRENT_SCHEMA AND table_type IN ('BASE TABLE', 'TABLE')")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("audit_event", "fingerprint_key");
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        out.append(table).append(':');
                        for (int i = 1; i <= columns; i++) {
                            out.append(' ').append(rs.getString(i));
                        }
                        out.append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    private static Level level(String name) {
        return ((Logger) LoggerFactory.getLogger(name)).getLevel();
    }

    private static void setLevel(String name, Level level) {
        ((Logger) LoggerFactory.getLogger(name)).setLevel(level);
    }
}
