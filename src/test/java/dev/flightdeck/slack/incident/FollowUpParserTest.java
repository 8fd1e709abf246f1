package dev.flightdeck.slack.incident;

import dev.flightdeck.slack.command.Parsed;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /incident follow-up <text> [@owner] [due YYYY-MM-DD]} and {@code /incident follow-ups [@owner|all]}, as Slack sends them. */
class FollowUpParserTest {

    final IncidentParser parser = new IncidentParser();

    IncidentCommand ok(String text) {
        Parsed<IncidentCommand> parsed = parser.parse(text);
        assertThat(parsed).as(text).isInstanceOf(Parsed.Ok.class);
        return ((Parsed.Ok<IncidentCommand>) parsed).command();
    }

    Parsed.Invalid<IncidentCommand> invalid(String text) {
        Parsed<IncidentCommand> parsed = parser.parse(text);
        assertThat(parsed).as(text).isInstanceOf(Parsed.Invalid.class);
        return (Parsed.Invalid<IncidentCommand>) parsed;
    }

    @Test
    void theOwnerAndTheDueDayFollowTheTextInEitherOrder() {
        LocalDate day = LocalDate.parse("2026-12-31");
        assertThat(ok("follow-up Add an alarm on queue depth <@U0DANA|dana> due 2026-12-31")).isEqualTo(
                new IncidentCommand.AddFollowUp("Add an alarm on queue depth", Optional.of("U0DANA"), Optional.of(day),
                        Optional.empty()));
        assertThat(ok("follow-up Add an alarm due 2026-12-31 <@U0DANA|dana>")).isEqualTo(
                new IncidentCommand.AddFollowUp("Add an alarm", Optional.of("U0DANA"), Optional.of(day), Optional.empty()));
        assertThat(ok("follow-up Ask <@U0KIM|kim> about the queue")).isEqualTo(new IncidentCommand.AddFollowUp(
                "Ask <@U0KIM|kim> about the queue", Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(ok("follow-up Rotate logs")).isEqualTo(new IncidentCommand.AddFollowUp("Rotate logs",
                Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void anIncidentIdBeforeOrAfterTheKeywordNamesTheIncident() {
        assertThat(ok("INC-12 follow-up Rotate logs")).isEqualTo(new IncidentCommand.AddFollowUp("Rotate logs",
                Optional.empty(), Optional.empty(), Optional.of("INC-12")));
        assertThat(ok("follow-up inc-12 Rotate logs due 2027-01-15")).isEqualTo(new IncidentCommand.AddFollowUp(
                "Rotate logs", Optional.empty(), Optional.of(LocalDate.parse("2027-01-15")), Optional.of("INC-12")));
    }

    @Test
    void aBadDayOrNoTextIsAnsweredWithTheFormToUse() {
        Parsed.Invalid<IncidentCommand> day = invalid("follow-up Rotate logs due 2026-02-30");
        assertThat(day.problem()).contains("`2026-02-30` is not a day", "YYYY-MM-DD");
        assertThat(day.closestForm()).contains("/incident follow-up Rotate logs due YYYY-MM-DD");
        assertThat(invalid("follow-up Rotate logs due 31/12/2026").problem()).contains("is not a day");
        assertThat(invalid("follow-up Rotate logs due").problem()).contains("Due when?");
        assertThat(invalid("follow-up").problem()).contains("What is to be done?");
        assertThat(invalid("follow-up <@U0DANA|dana> due 2026-12-31").problem()).contains("What is to be done?");
    }

    @Test
    void followUpsListsYoursSomeonesOrEveryones() {
        assertThat(ok("follow-ups")).isEqualTo(new IncidentCommand.ListFollowUps(Optional.empty(), false));
        assertThat(ok("follow-ups all")).isEqualTo(new IncidentCommand.ListFollowUps(Optional.empty(), true));
        assertThat(ok("follow-ups <@U0DANA|dana>")).isEqualTo(new IncidentCommand.ListFollowUps(Optional.of("U0DANA"), false));
        assertThat(invalid("follow-ups open please").problem()).contains("is not expected");
        assertThat(invalid("INC-3 follow-ups").problem()).contains("takes no incident id");
    }
}
