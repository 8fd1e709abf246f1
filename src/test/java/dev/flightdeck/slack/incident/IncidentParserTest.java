package dev.flightdeck.slack.incident;

import dev.flightdeck.slack.incident.IncidentCommand.Declare;
import dev.flightdeck.slack.incident.IncidentCommand.Help;
import dev.flightdeck.slack.incident.IncidentCommand.Note;
import dev.flightdeck.slack.incident.IncidentCommand.OpenDeclareModal;
import dev.flightdeck.slack.incident.IncidentCommand.Resolve;
import dev.flightdeck.slack.incident.IncidentCommand.Role;
import dev.flightdeck.slack.incident.IncidentCommand.SetSeverity;
import dev.flightdeck.slack.incident.IncidentCommand.Summary;
import dev.flightdeck.slack.incident.IncidentCommand.Update;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Optional;
import java.util.stream.Stream;

import static dev.flightdeck.slack.deploy.DeployParserTest.invalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import dev.flightdeck.slack.command.Parsed;

class IncidentParserTest {

    private static final Optional<String> HERE = Optional.empty();
    private static final Optional<String> INC_12 = Optional.of("INC-12");

    private final IncidentParser parser = new IncidentParser();

    static Stream<Arguments> everyForm() {
        return Stream.of(
                arguments("", new OpenDeclareModal()),
                arguments("declare", new OpenDeclareModal()),
                arguments("declare Checkout returns 500s", new Declare("Checkout returns 500s", CommandSeverity.SEV3)),
                arguments("declare Checkout returns 500s sev2", new Declare("Checkout returns 500s", CommandSeverity.SEV2)),
                arguments("declare sev1 Checkout down", new Declare("Checkout down", CommandSeverity.SEV1)),
                arguments("declare Checkout down sev 4", new Declare("Checkout down", CommandSeverity.SEV4)),
                arguments("Login slow for EU users", new Declare("Login slow for EU users", CommandSeverity.SEV3)),
                arguments("Login slow for EU users SEV-1", new Declare("Login slow for EU users", CommandSeverity.SEV1)),
                arguments("Checkout down for 2 hours", new Declare("Checkout down for 2 hours", CommandSeverity.SEV3)),
                arguments("Last deploy broke checkout", new Declare("Last deploy broke checkout", CommandSeverity.SEV3)),
                arguments("role commander <@U0DANA|dana>", new Role(RoleName.COMMANDER, "U0DANA", HERE)),
                arguments("role communicator <@U0DANA>", new Role(RoleName.COMMUNICATOR, "U0DANA", HERE)),
                arguments("role <@U0DANA> comms", new Role(RoleName.COMMUNICATOR, "U0DANA", HERE)),
                arguments("role INC-12 commander <@U0DANA>", new Role(RoleName.COMMANDER, "U0DANA", INC_12)),
                arguments("role commander <@U0DANA> inc-12", new Role(RoleName.COMMANDER, "U0DANA", INC_12)),
                arguments("update Looking at the queue", new Update(Optional.empty(), "Looking at the queue", HERE)),
                arguments("update identified Bad config on the EU queue",
                        new Update(Optional.of(UpdateStatus.IDENTIFIED), "Bad config on the EU queue", HERE)),
                arguments("update INC-12 MONITORING Fix deployed",
                        new Update(Optional.of(UpdateStatus.MONITORING), "Fix deployed", INC_12)),
                arguments("update investigating Queue backed up #inc12",
                        new Update(Optional.of(UpdateStatus.INVESTIGATING), "Queue backed up", INC_12)),
                arguments("severity sev1", new SetSeverity(CommandSeverity.SEV1, HERE)),
                arguments("severity 2", new SetSeverity(CommandSeverity.SEV2, HERE)),
                arguments("sev SEV4", new SetSeverity(CommandSeverity.SEV4, HERE)),
                arguments("sev 3 INC-0012", new SetSeverity(CommandSeverity.SEV3, INC_12)),
                arguments("note Restarted the consumer on worker-3", new Note("Restarted the consumer on worker-3", HERE)),
                arguments("note INC-12 Paged the DBA", new Note("Paged the DBA", INC_12)),
                arguments("resolve", new Resolve(HERE)),
                arguments("resolve INC-12", new Resolve(INC_12)),
                arguments("INC-12 resolve", new Resolve(INC_12)),
                arguments("summary", new Summary(HERE)),
                arguments("summary inc-12", new Summary(INC_12)),
                arguments("list", new IncidentCommand.List()),
                arguments("help", new Help()));
    }

    @ParameterizedTest(name = "/incident {0}")
    @MethodSource("everyForm")
    void parsesEveryForm(String text, IncidentCommand expected) {
        assertThat(parser.parse(text)).isEqualTo(new Parsed.Ok<>(expected));
    }

    @Test
    void toleratesCaseAndWhitespaceAndKeepsTheTitleAsTyped() {
        assertThat(parser.parse("  DECLARE\tCheckout   returns 500s  SEV2 \n"))
                .isEqualTo(new Parsed.Ok<>(new Declare("Checkout returns 500s", CommandSeverity.SEV2)));
        assertThat(parser.parse("Role\tCOMMANDER   <@U0DANA|dana>\n"))
                .isEqualTo(new Parsed.Ok<>(new Role(RoleName.COMMANDER, "U0DANA", HERE)));
        assertThat(parser.parse("NOTE  Saw <@U0DANA|dana> restart it &amp; wait\n"))
                .isEqualTo(new Parsed.Ok<>(new Note("Saw <@U0DANA|dana> restart it & wait", HERE)));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                arguments("severity 5", "`5` is not a severity", "/incident severity sev1..sev4"),
                arguments("severity", "Which severity", "/incident severity sev1..sev4"),
                arguments("severity INC-12 sev7", "`sev7` is not a severity", "/incident severity INC-12 sev1..sev4"),
                arguments("role boss @x", "`boss` is not a role", "/incident role commander|communicator @x"),
                arguments("role boss <@U0X|x>", "`boss` is not a role", "/incident role commander|communicator @x"),
                arguments("role comander <@U0X|x>", "`comander` is not a role", "/incident role commander @x"),
                arguments("role commander bob", "`bob` is not a mention", "/incident role commander @bob"),
                arguments("role communicator", "@-mention the new communicator", "/incident role communicator @user"),
                arguments("role", "Which role", "/incident role commander|communicator @user"),
                arguments("update", "What is the update", "/incident update <text>"),
                arguments("update monitoring", "after the status", "/incident update monitoring <text>"),
                arguments("update investigatng DB is slow", "did you mean `investigating`",
                        "/incident update investigating DB is slow"),
                arguments("update resolved all good", "/incident resolve", "/incident resolve"),
                arguments("note", "What should the note say", "/incident note <text>"),
                arguments("note INC-12", "What should the note say", "/incident note INC-12 <text>"),
                arguments("resolve it was DNS", "takes no text", "/incident resolve"),
                arguments("summary 12", "not an incident id", "/incident summary INC-12"),
                arguments("list open", "takes no arguments", "/incident list"),
                arguments("sev2", "A title is needed", "/incident declare <title> sev2"),
                arguments("declare sev5 DB down", "`sev5` is not a severity", "/incident declare DB down sev1..sev4"),
                arguments("lsit", "did you mean `list`", "/incident list"),
                arguments("rol commander <@U0X|x>", "did you mean `role`", "/incident role commander @x"),
                arguments("resolv", "did you mean `resolve`", "/incident resolve"),
                arguments("Notes service down", "/incident declare Notes service down", "/incident note service down"),
                arguments("INC-12", "alone is not a command", "/incident summary INC-12"),
                arguments("INC-12 notee Paged the DBA", "did you mean `note`", "/incident note INC-12 Paged the DBA"));
    }

    @ParameterizedTest(name = "/incident {0}")
    @MethodSource("malformed")
    void answersMalformedCommandsWithTheProblemAndTheClosestForm(String text, String problem, String closest) {
        Parsed.Invalid<IncidentCommand> invalid = invalid(parser.parse(text));
        assertThat(invalid.problem()).contains(problem);
        assertThat(invalid.closestForm()).contains(closest);
    }

    @Test
    void aMalformedSubcommandShowsItsOwnUsage() {
        assertThat(invalid(parser.parse("role boss @x")).usage()).isEqualTo(IncidentForm.ROLE.usage());
        assertThat(invalid(parser.parse("severity 5")).usage()).isEqualTo(IncidentForm.SEVERITY.usage());
    }
}
