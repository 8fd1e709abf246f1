package dev.flightdeck.slack.deploy;

import dev.flightdeck.slack.deploy.DeployCommand.Alarms;
import dev.flightdeck.slack.deploy.DeployCommand.Cancel;
import dev.flightdeck.slack.deploy.DeployCommand.Config;
import dev.flightdeck.slack.deploy.DeployCommand.ConfigCheck;
import dev.flightdeck.slack.deploy.DeployCommand.ConfigDiff;
import dev.flightdeck.slack.deploy.DeployCommand.Health;
import dev.flightdeck.slack.deploy.DeployCommand.Help;
import dev.flightdeck.slack.deploy.DeployCommand.History;
import dev.flightdeck.slack.deploy.DeployCommand.Lock;
import dev.flightdeck.slack.deploy.DeployCommand.OpenRequestModal;
import dev.flightdeck.slack.deploy.DeployCommand.Request;
import dev.flightdeck.slack.deploy.DeployCommand.Rollback;
import dev.flightdeck.slack.deploy.DeployCommand.Stats;
import dev.flightdeck.slack.deploy.DeployCommand.Status;
import dev.flightdeck.slack.deploy.DeployCommand.Unlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import dev.flightdeck.text.Closest;
import dev.flightdeck.slack.command.Parsed;

public class DeployParserTest {

    private final DeployParser parser = new DeployParser();

    static Stream<Arguments> everyForm() {
        Optional<String> none = Optional.empty();
        return Stream.of(
                arguments("", new OpenRequestModal()),
                arguments("commons 5.11.2 to prod", new Request("commons", "5.11.2", "prod", none, none)),
                arguments("commons 5.11.2 to prod runner <@U0ALICE|alice> -- hotfix for login",
                        new Request("commons", "5.11.2", "prod", Optional.of("U0ALICE"), Optional.of("hotfix for login"))),
                arguments("commons a1b2c3d to staging runner <@W0BOB>",
                        new Request("commons", "a1b2c3d", "staging", Optional.of("W0BOB"), none)),
                arguments("commons v1.2.3-rc.1 to uat -- Ticket OPS-12 & more",
                        new Request("commons", "v1.2.3-rc.1", "uat", none, Optional.of("Ticket OPS-12 & more"))),
                arguments("status", new Status(none)),
                arguments("status commons", new Status(Optional.of("commons"))),
                arguments("history commons", new History("commons", none, 10)),
                arguments("history commons prod", new History("commons", Optional.of("prod"), 10)),
                arguments("history commons 25", new History("commons", none, 25)),
                arguments("history commons prod 100", new History("commons", Optional.of("prod"), 100)),
                arguments("history commons 1 prod", new History("commons", Optional.of("prod"), 1)),
                arguments("cancel 42", new Cancel("42")),
                arguments("cancel #D-42", new Cancel("D-42")),
                arguments("cancel 42 -- CI lost the build", new Cancel("42", Optional.of("CI lost the build"))),
                arguments("rollback commons prod", new Rollback("commons", "prod")),
                arguments("lock commons prod -- DB migration until 15:00",
                        new Lock("commons", "prod", "DB migration until 15:00")),
                arguments("unlock commons prod", new Unlock("commons", "prod")),
                arguments("config commons prod", new Config("commons", "prod")),
                arguments("config diff commons staging prod", new ConfigDiff("commons", "staging", "prod")),
                arguments("config check commons prod", new ConfigCheck("commons", "prod")),
                arguments("alarms", new Alarms(none, none)),
                arguments("alarms commons", new Alarms(Optional.of("commons"), none)),
                arguments("alarms prod", new Alarms(none, Optional.of("prod"))),
                arguments("alarms commons prod", new Alarms(Optional.of("commons"), Optional.of("prod"))),
                arguments("health commons prod", new Health("commons", "prod")),
                arguments("stats", new Stats(none, 30)),
                arguments("stats commons", new Stats(Optional.of("commons"), 30)),
                arguments("stats 7", new Stats(none, 7)),
                arguments("stats commons 90d", new Stats(Optional.of("commons"), 90)),
                arguments("help", new Help()));
    }

    @ParameterizedTest(name = "/deploy {0}")
    @MethodSource("everyForm")
    void parsesEveryForm(String text, DeployCommand expected) {
        assertThat(parser.parse(text)).isEqualTo(new Parsed.Ok<>(expected));
    }

    static Stream<Arguments> sloppyTyping() {
        Request request = new Request("commons", "V5.11.2-RC1", "prod", Optional.of("U0ALICE"), Optional.of("Hotfix note"));
        return Stream.of(
                arguments("COMMONS V5.11.2-RC1 TO PROD RUNNER <@U0ALICE|alice> -- Hotfix  note", request),
                arguments("  commons\tV5.11.2-RC1   to\u00A0prod runner <@U0ALICE> --Hotfix note\n", request),
                arguments("Commons V5.11.2-RC1 To Prod Runner <@U0ALICE|alice> \u2014 Hotfix note", request),
                arguments("\tHISTORY   Commons\tPROD  5 \n", new History("commons", Optional.of("prod"), 5)),
                arguments("Config DIFF Commons Staging PROD\n", new ConfigDiff("commons", "staging", "prod")),
                arguments("HELP", new Help()),
                arguments(" \t\n", new OpenRequestModal()));
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("sloppyTyping")
    void toleratesCaseAndWhitespaceButKeepsVersionsAndNotesAsTyped(String text, DeployCommand expected) {
        // Names are lowercased, the version and note keep their case; runs of whitespace in the note read as one space.
        assertThat(parser.parse(text)).isEqualTo(new Parsed.Ok<>(expected));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                arguments("prod commons", "is an environment", "/deploy commons <version> to prod"),
                arguments("commons 5.1 prod", "Missing `to`", "/deploy commons 5.1 to prod"),
                arguments("histroy commons", "did you mean `history`", "/deploy history commons"),
                arguments("lock commons prod", "needs a reason", "/deploy lock commons prod -- <reason>"),
                arguments("lock commons prod migration running", "after `--`", "/deploy lock commons prod -- migration running"),
                arguments("commons 5.1 to prod runner bob", "`bob` is not a mention", "/deploy commons 5.1 to prod runner @bob"),
                arguments("commons 5.1 to prod <@U0ALICE|alice>", "Write `runner`", "/deploy commons 5.1 to prod runner @alice"),
                arguments("commons 5.1 to prod runner", "Missing the person", "/deploy commons 5.1 to prod runner @user"),
                arguments("commons 5.1 to prod hotfix login", "not expected", "/deploy commons 5.1 to prod -- hotfix login"),
                arguments("commons to prod", "Missing the version", "/deploy commons <version> to prod"),
                arguments("commons prod", "Missing the version", "/deploy commons <version> to prod"),
                arguments("commons 5.1", "Missing `to <env>`", "/deploy commons 5.1 to <env>"),
                arguments("commons 5.1 to", "Missing the environment", "/deploy commons 5.1 to <env>"),
                arguments("commons 5.1&lt;x to prod", "is not a version", "/deploy commons <version> to prod"),
                arguments("commons " + "9".repeat(65) + " to prod", "is not a version", "/deploy commons <version> to prod"),
                arguments("rollback prod commons", "is an environment", "/deploy rollback commons prod"),
                arguments("unlock commons", "Missing the environment", "/deploy unlock commons <env>"),
                arguments("health", "Missing the service and the environment", "/deploy health <service> <env>"),
                arguments("config commons prod staging", "Too many words", "/deploy config commons prod"),
                arguments("config dif commons staging prod", "did you mean `diff`", "/deploy config diff commons staging prod"),
                arguments("config diff commons prod prod", "two different environments", "/deploy config diff commons prod <env-b>"),
                arguments("history", "needs a service", "/deploy history <service>"),
                arguments("history commons 500", "between 1 and 100", "/deploy history commons 100"),
                arguments("history commons prod 0", "between 1 and 100", "/deploy history commons prod 1"),
                arguments("stats commons 1000", "between 1 and 365", "/deploy stats commons 365"),
                arguments("cancel", "needs the request id", "/deploy cancel <id>"),
                arguments("status commons -- why", "takes no note", "/deploy status commons"),
                arguments("stat", "did you mean `stats`", "/deploy stats"),
                arguments("rolback commons prod", "did you mean `rollback`", "/deploy rollback commons prod"),
                arguments("-- just a note", "note goes after", "/deploy <service> <version> to <env> -- just a note"));
    }

    @ParameterizedTest(name = "/deploy {0}")
    @MethodSource("malformed")
    void answersMalformedCommandsWithTheProblemAndTheClosestForm(String text, String problem, String closest) {
        Parsed.Invalid<DeployCommand> invalid = invalid(parser.parse(text));
        assertThat(invalid.problem()).contains(problem);
        assertThat(invalid.closestForm()).contains(closest);
    }

    @Test
    void anUnknownSubcommandGetsTheNearestSubcommandAndTheFullUsage() {
        Parsed.Invalid<DeployCommand> invalid = invalid(parser.parse("frobnicate"));
        String nearest = Closest.nearest("frobnicate", DeployForm.KEYWORDS);

        assertThat(invalid.problem()).contains("`frobnicate` is not a /deploy subcommand");
        assertThat(invalid.closestForm()).hasValueSatisfying(form -> assertThat(form).startsWith("/deploy " + nearest));
        for (DeployForm form : DeployForm.values()) {
            assertThat(invalid.usage()).contains(form.usage());
        }
    }

    @Test
    void aMisspeltSubcommandShowsThatSubcommandsUsage() {
        assertThat(invalid(parser.parse("histroy commons")).usage()).isEqualTo(DeployForm.HISTORY.usage());
    }

    @Test
    void aWordNearAKeywordIsAServiceWhenTheRestReadsLikeARequest() {
        assertThat(parser.parse("stash 1.2 to prod"))
                .isEqualTo(new Parsed.Ok<>(new Request("stash", "1.2", "prod", Optional.empty(), Optional.empty())));
    }

    @Test
    void aKnownServiceIsNeverTakenForAMisspeltKeyword() {
        DeployParser withStash = new DeployParser(Set.of(), Set.of("stash", "commons"));

        assertThat(invalid(withStash.parse("stash")).closestForm()).contains("/deploy stash <version> to <env>");
        assertThat(invalid(parser.parse("stash")).closestForm()).contains("/deploy stats");
    }

    @Test
    void aKeywordWinsOverAServiceOfTheSameName() {
        DeployParser withStatus = new DeployParser(Set.of(), Set.of("status"));

        assertThat(withStatus.parse("status")).isEqualTo(new Parsed.Ok<>(new Status(Optional.empty())));
    }

    public static <T> Parsed.Invalid<T> invalid(Parsed<T> parsed) {
        assertThat(parsed).isInstanceOf(Parsed.Invalid.class);
        return (Parsed.Invalid<T>) parsed;
    }
}
