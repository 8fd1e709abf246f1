package dev.flightdeck.alarms;

import dev.flightdeck.alarms.AlarmSelector;
import dev.flightdeck.deploy.Gate;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.config.TeamConfigParser;
import dev.flightdeck.deploy.check.CheckOutcome;
import dev.flightdeck.deploy.check.DeployCandidate;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The alarms gate and the alarms query with an in-memory alarm source. */
class AlarmsDeployCheckTest {

    static final Instant SINCE = Instant.parse("2026-11-24T09:15:00Z");

    final TeamConfig team = TeamConfigParser.parseText("flightdeck.yml", """
            flightdeck:
              environments:
                staging: { channel: "#d", approvals: 0 }
                prod: { channel: "#d", approvals: 0 }
              services:
                commons:
                  build: { codebuild: { project: "c" } }
                  alarms: { prefix: "commons-{env}-" }
                billing:
                  build: { codebuild: { project: "b" } }
                  alarms: { tag: { service: billing } }
                web:
                  build: { codebuild: { project: "w" } }
            """).orElseThrow();

    final List<Alarm> alarms = new ArrayList<>();
    final List<AlarmSelector> asked = new ArrayList<>();
    boolean down;

    final AlarmSource source = selector -> {
        asked.add(selector);
        if (down) {
            throw new AlarmSourceException("CloudWatch: AWS did not answer in time", null);
        }
        if (selector instanceof AlarmSelector.Prefix p) {
            return alarms.stream().filter(a -> a.name().startsWith(p.prefix())).toList();
        }
        return alarms.stream().filter(a -> a.name().startsWith("billing")).toList();
    };
    final AlarmService service = new AlarmService(team, source);
    final AlarmsDeployCheck check = new AlarmsDeployCheck(service);

    DeployCandidate candidate(String service, String env) {
        return new DeployCandidate(service, env, "1", "U1", team.service(service).orElseThrow(),
                team.environment(env).orElseThrow(), Instant.parse("2026-11-24T10:00:00Z"));
    }

    @Test
    void isTheAlarmsGate() {
        assertThat(check.name()).isEqualTo("alarms");
        assertThat(check.gate()).contains(Gate.ALARMS);
    }

    @Test
    void alarmsInAlarmBlockNamingThemAndInsufficientDataDoesNot() {
        alarms.add(new Alarm("commons-prod-5xx", Alarm.Kind.METRIC, Alarm.State.ALARM, "5xx", SINCE));
        alarms.add(new Alarm("commons-prod-health", Alarm.Kind.COMPOSITE, Alarm.State.ALARM, "x", SINCE));
        alarms.add(new Alarm("commons-staging-5xx", Alarm.Kind.METRIC, Alarm.State.INSUFFICIENT_DATA, "", SINCE));

        assertThat(check.check(candidate("commons", "prod"))).isEqualTo(new CheckOutcome.Blocked(
                "2 alarms firing for commons in prod: *commons-prod-5xx* in ALARM since 2026-11-24 09:15 UTC, "
                        + "*commons-prod-health* in ALARM since 2026-11-24 09:15 UTC"));
        assertThat(check.check(candidate("commons", "staging")))
                .isEqualTo(new CheckOutcome.Passed("no alarms firing for commons in staging"));
        assertThat(asked).contains(new AlarmSelector.Prefix("commons-prod-"), new AlarmSelector.Prefix("commons-staging-"));
    }

    @Test
    void unreadableAlarmsBlockSayingWhy() {
        down = true;
        assertThat(check.check(candidate("commons", "prod"))).isEqualTo(new CheckOutcome.Blocked(
                "could not read the alarms of commons in prod: CloudWatch: AWS did not answer in time"));
    }

    @Test
    void aServiceWithoutAlarmsPasses() {
        assertThat(check.check(candidate("web", "prod")))
                .isEqualTo(new CheckOutcome.Passed("no alarms are configured for web"));
        assertThat(asked).isEmpty();
    }

    @Test
    void theQueryAsksOncePerSelectorAndPutsFiringAlarmsFirst() {
        alarms.add(new Alarm("billing-a", Alarm.Kind.METRIC, Alarm.State.INSUFFICIENT_DATA, "", SINCE));
        alarms.add(new Alarm("billing-b", Alarm.Kind.METRIC, Alarm.State.ALARM, "", SINCE));

        List<AlarmGroup> groups = service.notOk(Optional.empty(), Optional.empty());

        assertThat(groups).extracting(g -> g.service() + " " + g.environments())
                .containsExactly("commons [staging]", "commons [prod]", "billing [staging, prod]");
        assertThat(groups.get(2).alarms()).extracting(Alarm::name).containsExactly("billing-b", "billing-a");
        assertThat(asked).hasSize(3);
    }
}
