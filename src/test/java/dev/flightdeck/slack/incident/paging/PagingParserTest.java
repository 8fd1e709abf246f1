package dev.flightdeck.slack.incident.paging;

import dev.flightdeck.slack.command.Parsed;
import dev.flightdeck.slack.incident.IncidentCommand;
import dev.flightdeck.slack.incident.IncidentParser;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.flightdeck.slack.deploy.DeployParserTest.invalid;
import static org.assertj.core.api.Assertions.assertThat;

class PagingParserTest {

    private final IncidentParser parser = new IncidentParser();

    private IncidentCommand ok(String text) {
        Parsed<IncidentCommand> parsed = parser.parse(text);
        assertThat(parsed).as(text).isInstanceOf(Parsed.Ok.class);
        return ((Parsed.Ok<IncidentCommand>) parsed).command();
    }

    @Test
    void pageTakesATargetAnOptionalMessageAfterTheSeparatorAndAnIncidentId() {
        assertThat(ok("page platform")).isEqualTo(new IncidentCommand.Page("platform", Optional.empty(), Optional.empty()));
        assertThat(ok("page Platform -- Checkout down in EU"))
                .isEqualTo(new IncidentCommand.Page("platform", Optional.of("Checkout down in EU"), Optional.empty()));
        assertThat(ok("page INC-12 dba —DB on fire"))
                .isEqualTo(new IncidentCommand.Page("dba", Optional.of("DB on fire"), Optional.of("INC-12")));
        assertThat(ok("inc-7 page dba")).isEqualTo(new IncidentCommand.Page("dba", Optional.empty(), Optional.of("INC-7")));
    }

    @Test
    void pageWithoutATargetOrWithATitleSaysWhatItTakes() {
        Parsed.Invalid<IncidentCommand> none = invalid(parser.parse("page -- help"));
        assertThat(none.problem()).contains("Which on-call target?");
        assertThat(none.closestForm()).contains("/incident page <target> -- help");

        Parsed.Invalid<IncidentCommand> title = invalid(parser.parse("Page load is slow"));
        assertThat(title.problem()).contains("takes one target",
                "To declare an incident with this title: /incident declare page load is slow");
        assertThat(invalid(parser.parse("page platform --")).problem()).contains("Add the message after `--`");
    }

    @Test
    void oncallTakesAtMostOneTargetAndNoIncident() {
        assertThat(ok("oncall")).isEqualTo(new IncidentCommand.Oncall(Optional.empty()));
        assertThat(ok("oncall DBA")).isEqualTo(new IncidentCommand.Oncall(Optional.of("dba")));
        assertThat(invalid(parser.parse("oncall dba platform")).problem()).contains("at most one target");
        assertThat(invalid(parser.parse("INC-3 oncall")).problem()).contains("takes no incident id");
    }
}
