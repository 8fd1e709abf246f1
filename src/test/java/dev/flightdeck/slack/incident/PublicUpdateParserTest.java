package dev.flightdeck.slack.incident;

import dev.flightdeck.slack.command.Parsed;
import dev.flightdeck.slack.incident.IncidentCommand.PublishUpdate;
import dev.flightdeck.slack.incident.IncidentCommand.Update;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** {@code --public} anywhere before the update's text (among the id and the status word), and nowhere else. */
class PublicUpdateParserTest {

    private static final Optional<String> HERE = Optional.empty();
    private static final Optional<String> INC_12 = Optional.of("INC-12");
    private static final Optional<UpdateStatus> IDENTIFIED = Optional.of(UpdateStatus.IDENTIFIED);

    private final IncidentParser parser = new IncidentParser();

    static Stream<Arguments> forms() {
        return Stream.of(
                arguments("update --public Checkout is slow for some", new PublishUpdate(Optional.empty(),
                        "Checkout is slow for some", HERE)),
                arguments("update --public identified Bad config", new PublishUpdate(IDENTIFIED, "Bad config", HERE)),
                arguments("update identified --public Bad config", new PublishUpdate(IDENTIFIED, "Bad config", HERE)),
                arguments("update INC-12 --public identified Bad config", new PublishUpdate(IDENTIFIED, "Bad config", INC_12)),
                arguments("update --PUBLIC inc-12 Bad config", new PublishUpdate(Optional.empty(), "Bad config", INC_12)),
                arguments("INC-12 update --public Bad config", new PublishUpdate(Optional.empty(), "Bad config", INC_12)),
                arguments("update \u2014public Bad config", new PublishUpdate(Optional.empty(), "Bad config", HERE)),
                // After the first word of the text it is text: the update is not published.
                arguments("update Bad --public config", new Update(Optional.empty(), "Bad --public config", HERE)));
    }

    @ParameterizedTest(name = "/incident {0}")
    @MethodSource("forms")
    void readsThePublicFlagBeforeTheText(String text, IncidentCommand expected) {
        assertThat(parser.parse(text)).isEqualTo(new Parsed.Ok<>(expected));
    }

    @Test
    void theFlagLastIsRefusedWithTheFormToTypeAndAFlagWithoutTextAsksForIt() {
        Parsed<IncidentCommand> last = parser.parse("update Refunds are late --public");
        assertThat(last).isInstanceOf(Parsed.Invalid.class);
        Parsed.Invalid<IncidentCommand> invalid = (Parsed.Invalid<IncidentCommand>) last;
        assertThat(invalid.problem()).contains("Put --public before the text");
        assertThat(invalid.closestForm()).contains("/incident update --public Refunds are late");

        Parsed.Invalid<IncidentCommand> empty = (Parsed.Invalid<IncidentCommand>) parser.parse("update --public");
        assertThat(empty.problem()).isEqualTo("What is the update?");
        assertThat(empty.closestForm()).contains("/incident update --public <text>");
    }

    @Test
    void theHelpListsThePublicForm() {
        assertThat(IncidentForm.allUsages()).contains("/incident update --public [investigating|identified|monitoring] <text>");
    }
}
