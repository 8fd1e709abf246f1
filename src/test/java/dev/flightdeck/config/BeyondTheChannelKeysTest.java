package dev.flightdeck.config;

import dev.flightdeck.deploy.ApproverRef;
import dev.flightdeck.deploy.flags.FlagsConfig;
import dev.flightdeck.incident.IncidentsConfig;
import dev.flightdeck.incident.Severity;
import dev.flightdeck.incident.access.AccessConfig;
import dev.flightdeck.incident.followup.FollowUpExport;
import dev.flightdeck.incident.paging.OncallTarget;
import dev.flightdeck.team.TeamConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.flightdeck.config.TeamConfigs.errors;
import static dev.flightdeck.config.TeamConfigs.valid;
import static org.assertj.core.api.Assertions.assertThat;

/** Team-file keys of DESIGN sections 14 and 15: incidents.follow-ups, oncall, page-on, access; slots; flags. */
class BeyondTheChannelKeysTest {

    private static final String I = "flightdeck.yml: flightdeck.incidents.";
    private static final String INSTANCE = "arn:aws:sso:::instance/ssoins-1234567890abcdef";
    private static final String READ_ONLY = "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-abcdef1234567890";

    private static String incidents(String body) {
        return TeamConfigs.STAGING_AND_PROD + "  incidents:\n" + body.indent(4);
    }

    private static IncidentsConfig parsed(String body) {
        return valid(incidents(body)).incidents();
    }

    @Test
    void followUpsExportToOneGithubRepositoryOrOneJiraProject() {
        assertThat(parsed("follow-ups: { github: acme/ops }\n").followUps())
                .contains(new FollowUpExport.Github("acme/ops"));
        assertThat(parsed("follow-ups: { jira: { url: \"https://acme.atlassian.net\", project: OPS, user: ops@acme.dev,"
                + " token-env: JIRA_TOKEN } }\n").followUps()).contains(new FollowUpExport.Jira(
                URI.create("https://acme.atlassian.net"), "OPS", "ops@acme.dev", "JIRA_TOKEN"));
        assertThat(errors(incidents("follow-ups: { github: ops }\n"))).containsExactly(
                I + "follow-ups.github: must be a repository as owner/name, like acme/ops, got \"ops\"");
        assertThat(errors(incidents("follow-ups: { jira: { url: acme, project: ops, user: u, token-env: \"x y\" } }\n")))
                .containsExactly(
                        I + "follow-ups.jira.url: must be the site's http:// or https:// URL, like https://acme.atlassian.net, got \"acme\"",
                        I + "follow-ups.jira.project: must be a Jira project key in capitals, like OPS, got \"ops\"",
                        I + "follow-ups.jira.token-env: must be the name of the environment variable that holds the"
                                + " secret (letters, digits and _), not the secret itself");
        assertThat(parsed("announce-channel: \"#incidents\"\n").followUps()).isEmpty();
    }

    @Test
    void oncallTargetsArePagerDutyOrOpsgenieAndPageOnNeedsOne() {
        IncidentsConfig c = parsed("""
                oncall:
                  platform: { pagerduty-routing-key-env: PD_KEY, pagerduty-api-key-env: PD_API, escalation-policy: P1ABC }
                  data: { opsgenie: { api-key-env: OG_KEY, team: data, schedule: data_schedule } }
                page-on: sev2
                """);
        assertThat(c.oncall().keySet()).containsExactly("platform", "data");
        assertThat(c.oncallTarget("Platform")).contains(new OncallTarget.PagerDuty("platform", "PD_KEY",
                Optional.of("PD_API"), Optional.of("P1ABC")));
        assertThat(c.oncallTarget("data")).contains(new OncallTarget.Opsgenie("data", "OG_KEY", Optional.of("data"),
                Optional.of("data_schedule")));
        assertThat(c.pagesAt(Severity.SEV1)).isTrue();
        assertThat(c.pagesAt(Severity.SEV2)).isTrue();
        assertThat(c.pagesAt(Severity.SEV3)).isFalse();
        assertThat(parsed("oncall: { platform: { pagerduty-routing-key-env: PD_KEY } }\n").pagesAt(Severity.SEV1))
                .isFalse();

        assertThat(errors(incidents("page-on: sev1\n"))).containsExactly(I + "page-on: pages every oncall target, and"
                + " none is named: add oncall: { <name>: { pagerduty-routing-key-env: … } }");
        assertThat(errors(incidents("oncall: { Platform: { pagerduty-routing-key-env: PD_KEY } }\n"))).containsExactly(
                I + "oncall.Platform: target names are lowercase letters, digits, - and _ (they are typed in"
                        + " /incident page), got \"Platform\"");
        assertThat(errors(incidents("oncall: { platform: { } }\n"))).containsExactly(I + "oncall.platform."
                + "pagerduty-routing-key-env: is required (or opsgenie: { api-key-env, team }): the pager this target is"
                + " reached through");
        assertThat(errors(incidents("oncall: { platform: { pagerduty-routing-key-env: \"R0UT1NGKEY-value\" } }\n")))
                .hasSize(1).allMatch(e -> e.contains("not the secret itself") && !e.contains("R0UT1NGKEY"));
    }

    @Test
    void accessNamesTheInstanceStoreAccountPermissionSetsAndWhoGrants() {
        AccessConfig a = parsed("""
                access:
                  instance-arn: "%s"
                  identity-store-id: d-1234567890
                  account: "123456789012"
                  permission-sets: { ReadOnly: "%s" }
                  max-duration: 2h
                  approvers: ["@release-managers", U0LEAD]
                  commander-grants: true
                """.formatted(INSTANCE, READ_ONLY)).access().orElseThrow();
        assertThat(a.permissionSetArn("readonly")).contains(READ_ONLY);
        assertThat(a.permissionSetArn("Admin")).isEmpty();
        assertThat(a.maxDuration()).isEqualTo(Duration.ofHours(2));
        assertThat(a.approvers()).containsExactly(new ApproverRef.Group("release-managers"), new ApproverRef.User("U0LEAD"));
        assertThat(a.commanderGrants()).isTrue();

        List<String> wrong = errors(incidents("""
                access:
                  instance-arn: "arn:aws:sso:::instance/nope"
                  identity-store-id: store
                  account: 12345
                  permission-sets: { Admin: "arn:aws:sso:::permissionSet/ssoins-ffffffffffffffff/ps-abcdef1234567890" }
                  max-duration: 2d
                """));
        assertThat(wrong).containsExactly(
                I + "access.instance-arn: must be an IAM Identity Center instance ARN like"
                        + " arn:aws:sso:::instance/ssoins-1234567890abcdef, got \"arn:aws:sso:::instance/nope\"",
                I + "access.identity-store-id: must be an identity store id like d-1234567890, got \"store\"",
                I + "access.account: must be a 12-digit AWS account id (quote it), got \"12345\"",
                I + "access.max-duration: must be between 15m and 12h (Identity Center access is break-glass), got \"2d\"",
                I + "access.approvers: is required unless commander-grants is true: someone must grant access");
        assertThat(errors(incidents("""
                access:
                  instance-arn: "%s"
                  identity-store-id: d-1234567890
                  account: "123456789012"
                  permission-sets: { Admin: "arn:aws:sso:::permissionSet/ssoins-ffffffffffffffff/ps-abcdef1234567890" }
                  commander-grants: true
                """.formatted(INSTANCE)))).containsExactly(
                I + "access.permission-sets.Admin: belongs to another Identity Center instance than instance-arn");
    }

    @Test
    void slotsArePoolsNamedAfterAnEnvironmentEachSlotOnce() {
        TeamConfig t = valid(TeamConfigs.STAGING_AND_PROD + "  slots: { staging: [staging1, staging2] }\n");
        assertThat(t.slots()).isEqualTo(Map.of("staging", List.of("staging1", "staging2")));
        assertThat(errors(TeamConfigs.STAGING_AND_PROD + "  slots: { dev: [dev1], staging: [s1, s1, Prod2] }\n"))
                .containsExactly(
                        "flightdeck.yml: flightdeck.slots.dev: no environment \"dev\" in flightdeck.environments;"
                                + " environments are staging, prod;"
                                + " a pool of slots is named after the environment whose settings its slots inherit",
                        "flightdeck.yml: flightdeck.slots.staging[1]: names slot s1 twice; each slot belongs to one"
                                + " pool, once",
                        "flightdeck.yml: flightdeck.slots.staging[2]: slot names are lowercase letters, digits, - and _"
                                + " (they are typed in /deploy claim), got \"Prod2\"");
    }

    @Test
    void flagsNameOneProviderAndMapEnvironments() {
        TeamConfig t = valid(TeamConfigs.STAGING_AND_PROD + "  flags:\n    launchdarkly: { project: default,"
                + " token-env: LD_TOKEN, environments: { prod: production } }\n");
        FlagsConfig flags = t.flags().orElseThrow();
        assertThat(flags).isInstanceOf(FlagsConfig.LaunchDarkly.class);
        assertThat(flags.providerEnvironment("prod")).isEqualTo("production");
        assertThat(flags.providerEnvironment("staging")).isEqualTo("staging");
        assertThat(valid(TeamConfigs.STAGING_AND_PROD + "  flags: { flagsmith: { token-env: FS_TOKEN } }\n").flags()
                .orElseThrow()).isEqualTo(new FlagsConfig.Flagsmith("FS_TOKEN", Map.of()));
        assertThat(errors(TeamConfigs.STAGING_AND_PROD + "  flags: { launchdarkly: { token-env: LD_TOKEN },"
                + " flagsmith: { token-env: FS } }\n")).containsExactly(
                "flightdeck.yml: flightdeck.flags.launchdarkly: name one flag provider: launchdarkly or flagsmith, not both");
    }

    @Test
    void flagsMarkKillSwitchesByKey() {
        FlagsConfig flags = valid(TeamConfigs.STAGING_AND_PROD + "  flags:\n    flagsmith: { token-env: FS_TOKEN,"
                + " environments: { prod: ser.abc123 }, kill-switches: [new-emails, checkout.v2] }\n").flags().orElseThrow();
        assertThat(flags.isKillSwitch("new-emails")).isTrue();
        assertThat(flags.isKillSwitch("checkout.v2")).isTrue();
        assertThat(flags.isKillSwitch("search")).isFalse();
        assertThat(flags.providerEnvironment("prod")).isEqualTo("ser.abc123");
        assertThat(errors(TeamConfigs.STAGING_AND_PROD + "  flags:\n    launchdarkly: { project: default,"
                + " token-env: LD_TOKEN, kill-switches: [\"new emails\"] }\n")).containsExactly(
                "flightdeck.yml: flightdeck.flags.launchdarkly.kill-switches: `new emails` is not a flag key (letters,"
                        + " digits, '.', '_', '-')");
    }
}
