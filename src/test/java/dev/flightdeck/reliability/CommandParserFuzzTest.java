package dev.flightdeck.reliability;

import dev.flightdeck.slack.command.CommandParser;
import dev.flightdeck.slack.deploy.DeployCommand;
import dev.flightdeck.slack.incident.IncidentCommand;
import dev.flightdeck.slack.command.Parsed;
import dev.flightdeck.testing.LogCapture;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based fuzzing of the slash-command parser (jqwik, fixed budget of tries so CI time stays small): texts
 * built from the commands' own words mixed with mentions, channel links, unicode, numbers and huge tokens. Every
 * text parses to a command or to a usage answer; the parser's last-resort catch ("parser failed") never fires.
 */
class CommandParserFuzzTest {

    static final CommandParser PARSER = new CommandParser(Set.of("dev", "staging", "prod"), Set.of("commons", "billing"));
    static LogCapture parserLog;

    @BeforeContainer
    static void capture() {
        parserLog = new LogCapture(CommandParser.class);
    }

    @AfterContainer
    static void release() {
        parserLog.close();
    }

    @Property(tries = 1000, seed = "20261124")
    void deployTextsAlwaysParseToACommandOrAUsageAnswer(@ForAll("commandTexts") String text) {
        Parsed<DeployCommand> parsed = PARSER.parseDeploy(text);
        assertAnswered(parsed, text);
    }

    @Property(tries = 1000, seed = "20261124")
    void incidentTextsAlwaysParseToACommandOrAUsageAnswer(@ForAll("commandTexts") String text) {
        Parsed<IncidentCommand> parsed = PARSER.parseIncident(text);
        assertAnswered(parsed, text);
    }

    @Property(tries = 300, seed = "20261124")
    void arbitraryUnicodeNeverBreaksEitherParser(@ForAll String anything) {
        assertAnswered(PARSER.parseDeploy(anything), anything);
        assertAnswered(PARSER.parseIncident(anything), anything);
    }

    private static void assertAnswered(Parsed<?> parsed, String text) {
        assertThat(parsed).as("parse of %s", text).isNotNull();
        if (parsed instanceof Parsed.Invalid<?> invalid) {
            assertThat(invalid.toMrkdwn()).startsWith(":warning:").contains("Usage:");
        }
        assertThat(parserLog.lines()).as("parser failures").noneMatch(l -> l.contains("parser failed"));
    }

    @Provide
    Arbitrary<String> commandTexts() {
        return CommandTexts.texts();
    }
}
