package dev.flightdeck.slack.deploy;

import dev.flightdeck.slack.command.Parsed;
import dev.flightdeck.slack.deploy.DeployCommand.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** {@code -- check: <item>} after a deploy request: each one a checklist item, the rest of the tail the note. */
class DeployParserChecklistTest {

    private final DeployParser parser = new DeployParser();

    static Stream<Arguments> requests() {
        Optional<String> none = Optional.empty();
        return Stream.of(
                arguments("commons 5.12.0 to prod -- check: set the SES sender",
                        new Request("commons", "5.12.0", "prod", none, none, List.of("set the SES sender"))),
                arguments("commons 5.12.0 to prod -- note text -- check: a -- check: b",
                        new Request("commons", "5.12.0", "prod", none, Optional.of("note text"), List.of("a", "b"))),
                arguments("commons 5.12.0 to prod runner <@U0ALICE|alice> -- check: a -- hotfix for login -- Check: b",
                        new Request("commons", "5.12.0", "prod", Optional.of("U0ALICE"), Optional.of("hotfix for login"),
                                List.of("a", "b"))),
                // Written together, and with the dash a phone makes of "--".
                arguments("commons 5.12.0 to prod --check:a \u2014 check: QA &amp; product signed off",
                        new Request("commons", "5.12.0", "prod", none, none, List.of("a", "QA & product signed off"))),
                // A note that merely contains "--" or the word check stays a note.
                arguments("commons 5.12.0 to prod -- run with --force -- then check the logs",
                        new Request("commons", "5.12.0", "prod", none, Optional.of("run with --force -- then check the logs"),
                                List.of())),
                arguments("commons 5.12.0 to prod -- hotfix for login",
                        new Request("commons", "5.12.0", "prod", none, Optional.of("hotfix for login"), List.of())));
    }

    @ParameterizedTest
    @MethodSource("requests")
    void eachCheckIsOneItemAndTheRestIsTheNote(String text, Request expected) {
        assertThat(parser.parse(text)).isEqualTo(Parsed.ok(expected));
    }

    @Test
    void anEmptyCheckIsRefusedWithAnExample() {
        Parsed.Invalid<DeployCommand> invalid = DeployParserTest.invalid(parser.parse("commons 5.12.0 to prod -- check:"));

        assertThat(invalid.problem()).isEqualTo("A `check:` needs the item after it.");
        assertThat(invalid.closestForm()).contains("/deploy <service> <version> to <env> -- check: set the SES sender");
    }

    @Test
    void theUsageShowsTheCheckForm() {
        assertThat(DeployForm.REQUEST.usage()).endsWith("[-- note] [-- check: <item>]...");
    }
}
