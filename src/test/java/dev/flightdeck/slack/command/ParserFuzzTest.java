package dev.flightdeck.slack.command;

import dev.flightdeck.text.Mrkdwn;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import dev.flightdeck.slack.deploy.DeployCommand;
import dev.flightdeck.slack.deploy.DeployParser;
import dev.flightdeck.slack.incident.IncidentParser;

/** Thousands of random texts, seeded so a failure reproduces: the parsers always answer, never throw. */
class ParserFuzzTest {

    private static final List<String> VOCABULARY = List.of(
            "status", "history", "histroy", "cancel", "rollback", "lock", "unlock", "config", "diff", "check", "alarms",
            "health", "stats", "help", "declare", "role", "update", "severity", "sev", "note", "resolve", "summary",
            "list", "commander", "communicator", "investigating", "identified", "monitoring", "resolved",
            "commons", "billing", "prod", "PROD", "staging", "dev", "uat", "to", "TO", "runner", "--", "—", "--x",
            "<@U0ALICE|alice>", "<@U0BOB>", "<#C0DEPLOY|deploys>", "@bob", "bob", "INC-12", "inc-0", "#inc7",
            "5.11.2", "v1.2.3-rc.1", "a1b2c3d", "0", "1", "101", "366", "99999999999", "7d", "sev1", "sev5", "SEV-2",
            "&lt;", "&amp;", "<", ">", "|", "..", "\t", "\n", "\u00A0", "\u200B", "é", "😀", "");

    private final Random random = new Random(20240612L);
    private final DeployParser deploy = new DeployParser();
    private final DeployParser deployWithNames = new DeployParser(Set.of("dev", "staging", "prod"), Set.of("commons"));
    private final IncidentParser incident = new IncidentParser();

    @Test
    void randomTextsAlwaysGiveOkOrInvalidWithAProblemAndAUsage() {
        for (int i = 0; i < 3000; i++) {
            String text = i % 3 == 0 ? randomChars() : randomWords();
            check(deploy.parse(text), text);
            check(deployWithNames.parse(text), text);
            check(incident.parse(text), text);
        }
    }

    @Test
    void acceptedDeployCommandsRespectTheirLimits() {
        for (int i = 0; i < 4000; i++) {
            String text = randomWords();
            if (deploy.parse(text) instanceof Parsed.Ok<DeployCommand> ok) {
                DeployCommand command = ok.command();
                if (command instanceof DeployCommand.Request r) {
                    assertThat(r.version()).as(text).matches("[A-Za-z0-9][A-Za-z0-9._+/-]{0,63}");
                    assertThat(r.service()).as(text).isLowerCase().doesNotContain(" ");
                    assertThat(r.env()).as(text).isLowerCase().doesNotContain(" ");
                }
                if (command instanceof DeployCommand.History h) {
                    assertThat(h.limit()).as(text).isBetween(1, 100);
                }
                if (command instanceof DeployCommand.Stats s) {
                    assertThat(s.days()).as(text).isBetween(1, 365);
                }
            }
        }
    }

    @Test
    void aClosestFormWithoutPlaceholdersIsItselfAValidCommand() {
        for (int i = 0; i < 3000; i++) {
            String text = randomWords();
            closestFormParses(text, "/deploy", deploy::parse);
            closestFormParses(text, "/deploy", deployWithNames::parse);
            closestFormParses(text, "/incident", incident::parse);
        }
    }

    private static <T> void closestFormParses(String text, String command, Function<String, Parsed<T>> parser) {
        if (parser.apply(text) instanceof Parsed.Invalid<T> invalid && invalid.closestForm().isPresent()) {
            String form = invalid.closestForm().get();
            // Placeholders and alternatives (<env>, a|b, sev1..sev4) are for the user to fill in; a typed @name
            // only becomes a mention when Slack escapes it.
            if (!form.matches(".*(<|\\||\\.\\.|@).*")) {
                assertThat(form).as(text).startsWith(command + " ");
                assertThat(parser.apply(form.substring(command.length())).isOk()).as(text + " -> " + form).isTrue();
            }
        }
    }

    private static <T> void check(Parsed<T> parsed, String text) {
        assertThat(parsed).as(text).isNotNull();
        if (parsed instanceof Parsed.Invalid<T> invalid) {
            assertThat(invalid.problem()).as(text).isNotBlank();
            assertThat(invalid.usage()).as(text).isNotBlank();
            assertThat(invalid.toMrkdwn()).as(text).contains(Mrkdwn.escape(invalid.usage()));
        } else {
            assertThat(parsed).as(text).isInstanceOf(Parsed.Ok.class);
        }
    }

    private String randomWords() {
        StringBuilder out = new StringBuilder();
        int n = random.nextInt(8);
        for (int i = 0; i < n; i++) {
            out.append(VOCABULARY.get(random.nextInt(VOCABULARY.size())));
            out.append(random.nextInt(5) == 0 ? "  " : " ");
        }
        return out.toString();
    }

    private String randomChars() {
        StringBuilder out = new StringBuilder();
        int n = random.nextInt(40);
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(10);
            out.appendCodePoint(kind < 6 ? 32 + random.nextInt(95) : kind < 8 ? random.nextInt(0x3000)
                    : 0x1F600 + random.nextInt(80));
        }
        return out.toString();
    }
}
