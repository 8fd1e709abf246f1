package dev.flightdeck.config;

import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.team.ServiceConfig;
import dev.flightdeck.team.TeamConfig;
import org.junit.jupiter.api.Test;

import static dev.flightdeck.config.TeamConfigs.errors;
import static dev.flightdeck.config.TeamConfigs.valid;
import static org.assertj.core.api.Assertions.assertThat;

/** The team file's checklists: per service (for every environment or per environment) and per environment. */
class ChecklistRulesTest {
    private static final String S = "flightdeck.yml: flightdeck.services.commons.";
    private static final String FILE = TeamConfigs.STAGING_AND_PROD + "      checklist: [\"Status page warned\"]\n"
            + TeamConfigs.COMMONS;

    private static String with(String extra) {
        return FILE + extra.indent(6);
    }

    @Test
    void aDeployGetsTheServiceItemsThenItsEnvironmentsThenTheEnvironmentsOwn() {
        TeamConfig team = valid(with("checklist: [\"QA signed off on staging\"]"));
        ServiceConfig commons = team.service("commons").orElseThrow();
        EnvironmentConfig prod = team.environment("prod").orElseThrow();
        EnvironmentConfig staging = team.environment("staging").orElseThrow();
        assertThat(commons.checklistFor(prod)).containsExactly("QA signed off on staging", "Status page warned");
        assertThat(commons.checklistFor(staging)).containsExactly("QA signed off on staging");

        TeamConfig perEnv = valid(with("checklist: { prod: [\"Set EMAIL_QUEUE_URL in prod\"] }"));
        assertThat(perEnv.service("commons").orElseThrow().checklistFor(prod))
                .containsExactly("Set EMAIL_QUEUE_URL in prod", "Status page warned");
        assertThat(perEnv.service("commons").orElseThrow().checklistFor(staging)).isEmpty();
    }

    @Test
    void aChecklistForAnEnvironmentThatDoesNotExistSaysWhichDo() {
        assertThat(errors(with("checklist: { prd: [\"x\"] }"))).containsExactly(
                S + "checklist.prd: no environment \"prd\" in flightdeck.environments; did you mean \"prod\"?");
    }

    @Test
    void itemsMustFitASlackCheckbox() {
        String long76 = "x".repeat(76);
        assertThat(errors(with("checklist: [\"ok\", \"" + long76 + "\"]"))).containsExactly(
                S + "checklist[1]: is 76 characters; an item is at most 75 (Slack's limit for a checkbox)");
        assertThat(errors(with("checklist: [\"ok\", \"  \"]"))).containsExactly(
                S + "checklist[1]: must be a text value, got \"  \"");
        assertThat(errors(with("checklist: [a, b, c, d, e, f, g, h, i, j, k]"))).containsExactly(
                S + "checklist: has 11 items; a checklist holds at most 10");
    }
}
