package dev.flightdeck.slack.incident;

import dev.flightdeck.slack.command.Parsed;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /incident access [<permission-set> [for 2h] -- <reason>]} as typed. */
class AccessParserTest {

    final IncidentParser parser = new IncidentParser();

    Parsed.Invalid<IncidentCommand> invalid(String text) {
        Parsed<IncidentCommand> parsed = parser.parse(text);
        assertThat(parsed).isInstanceOf(Parsed.Invalid.class);
        return (Parsed.Invalid<IncidentCommand>) parsed;
    }

    @Test
    void aSetADurationAndAReason() {
        assertThat(parser.parse("access ReadOnly for 2h -- read the queue's metrics")).isEqualTo(new Parsed.Ok<>(
                new IncidentCommand.Access("ReadOnly", Optional.of(Duration.ofHours(2)), "read the queue's metrics",
                        Optional.empty())));
        assertThat(parser.parse("access readonly 30m --check &lt;it&gt; &amp; see")).isEqualTo(new Parsed.Ok<>(
                new IncidentCommand.Access("readonly", Optional.of(Duration.ofMinutes(30)), "check <it> & see",
                        Optional.empty())));
        assertThat(parser.parse("access Admin \u2014 drop the stuck lock")).isEqualTo(new Parsed.Ok<>(
                new IncidentCommand.Access("Admin", Optional.empty(), "drop the stuck lock", Optional.empty())));
    }

    @Test
    void anIncidentIdMayBeNamedAndNoArgumentsListTheLiveGrants() {
        assertThat(parser.parse("access INC-7 ReadOnly -- look")).isEqualTo(new Parsed.Ok<>(
                new IncidentCommand.Access("ReadOnly", Optional.empty(), "look", Optional.of("INC-7"))));
        assertThat(parser.parse("INC-7 access")).isEqualTo(new Parsed.Ok<>(new IncidentCommand.AccessList(Optional.of("INC-7"))));
        assertThat(parser.parse("access")).isEqualTo(new Parsed.Ok<>(new IncidentCommand.AccessList(Optional.empty())));
    }

    @Test
    void aMissingReasonSetOrABadDurationSaysWhatToType() {
        Parsed.Invalid<IncidentCommand> noReason = invalid("access ReadOnly for 2h");
        assertThat(noReason.problem()).startsWith("Say why after `--`");
        assertThat(noReason.closestForm()).contains("/incident access ReadOnly for 2h -- <reason>");

        assertThat(invalid("access -- because").problem()).isEqualTo("Which permission set?");
        Parsed.Invalid<IncidentCommand> badDuration = invalid("access ReadOnly for a while -- because");
        assertThat(badDuration.problem()).startsWith("`for a while` is not a duration");
        assertThat(badDuration.closestForm()).contains("/incident access ReadOnly for 1h -- because");
        assertThat(invalid("access ReadOnly -- " + "x".repeat(1001)).problem()).contains("1001 characters");
    }
}
