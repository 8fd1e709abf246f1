package dev.flightdeck.slack.deploy;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static dev.flightdeck.slack.deploy.DeployParserTest.invalid;
import static org.assertj.core.api.Assertions.assertThat;
import dev.flightdeck.slack.command.Parsed;

/** With the team's environments and services known, names are checked and the meant name suggested. */
class DeployParserKnownNamesTest {

    private final DeployParser parser = new DeployParser(Set.of("dev", "staging", "prod", "uat"), Set.of("commons", "Billing"));

    @Test
    void recognisesTheTeamsOwnEnvironmentNamesAsEnvironments() {
        assertThat(invalid(parser.parse("uat commons")).closestForm()).contains("/deploy commons <version> to uat");
        assertThat(parser.parse("rollback billing uat")).isEqualTo(new Parsed.Ok<>(new DeployCommand.Rollback("billing", "uat")));
    }

    @Test
    void suggestsTheKnownServiceAUserMistyped() {
        Parsed.Invalid<DeployCommand> invalid = invalid(parser.parse("comons 5.1 to prod"));

        assertThat(invalid.problem()).contains("Unknown service `comons`").contains("billing, commons");
        assertThat(invalid.closestForm()).contains("/deploy commons 5.1 to prod");
    }

    @Test
    void suggestsTheKnownEnvironmentAUserMistyped() {
        Parsed.Invalid<DeployCommand> invalid = invalid(parser.parse("commons 5.1 to prdo"));

        assertThat(invalid.problem()).contains("Unknown environment `prdo`");
        assertThat(invalid.closestForm()).contains("/deploy commons 5.1 to prod");
        assertThat(invalid(parser.parse("health commons prdo")).closestForm()).contains("/deploy health commons prod");
    }

    @Test
    void refusesAServiceNobodyConfiguredWithAPlaceholderWhenNothingIsClose() {
        Parsed.Invalid<DeployCommand> invalid = invalid(parser.parse("history payments"));

        assertThat(invalid.problem()).contains("Unknown service `payments`");
        assertThat(invalid.closestForm()).contains("/deploy history <service>");
    }

    @Test
    void aLoneUnknownWordIsNeitherASubcommandNorAService() {
        Parsed.Invalid<DeployCommand> invalid = invalid(parser.parse("frobnicate"));

        assertThat(invalid.problem()).contains("neither a /deploy subcommand nor a known service");
        assertThat(invalid.usage()).contains(DeployForm.REQUEST.usage(), DeployForm.STATS.usage());
    }

    @Test
    void aLoneMistypedServiceSuggestsTheRequestForm() {
        assertThat(invalid(parser.parse("comons")).closestForm()).contains("/deploy commons <version> to <env>");
    }

    @Test
    void withoutConfiguredEnvironmentsAnyEnvironmentNameIsAccepted() {
        DeployParser open = new DeployParser();

        assertThat(open.parse("commons 5.1 to eu-west-sandbox")).isEqualTo(new Parsed.Ok<>(new DeployCommand.Request(
                "commons", "5.1", "eu-west-sandbox", Optional.empty(), Optional.empty())));
        assertThat(invalid(parser.parse("commons 5.1 to eu-west-sandbox")).problem())
                .contains("Unknown environment `eu-west-sandbox`");
    }
}
