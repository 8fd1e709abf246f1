package dev.flightdeck.reliability;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Generators of slash-command texts a confused or hostile user might type (as Slack escapes them). */
final class CommandTexts {
    private CommandTexts() {}

    private static final String[] WORDS = {
            "status", "history", "cancel", "rollback", "lock", "unlock", "config", "diff", "check", "alarms", "health",
            "stats", "help", "to", "runner", "--", "-", "declare", "role", "commander", "communicator", "update",
            "investigating", "identified", "monitoring", "resolved", "severity", "note", "resolve", "summary", "list",
            "sev1", "sev2", "sev3", "sev4", "sev0", "SEV9", "commons", "billing", "prod", "PROD", "staging", "dev",
            "qa", "INC-1", "INC-", "inc-99999999999999999999", "#12", "5.11.2", "v1.0.0-rc.1", "1.2.3+build.7"};

    static Arbitrary<String> word() {
        return Arbitraries.oneOf(
                Arbitraries.of(WORDS),
                Arbitraries.of(WORDS).map(String::toUpperCase),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.longs().map(n -> n + "d"),
                Arbitraries.strings().alpha().numeric().ofLength(9).map(id -> "<@U" + id + "|user." + id.toLowerCase() + ">"),
                Arbitraries.strings().alpha().ofLength(9).map(id -> "<#C" + id + "|chan-" + id.toLowerCase() + ">"),
                Arbitraries.strings().alpha().ofLength(9).map(id -> "<!subteam^S" + id + "|@team>"),
                Arbitraries.of("<@>", "<#|>", "<!here>", "<!channel>", "<@U1|", "<<@U1>>", "&lt;&gt;&amp;", "`rm -rf /`",
                        "```", "*bold*", "\u0000", "\u202e", "🚀", "日本語", "ǅ", "\uD800", "%s%n", "${jndi:ldap://x}",
                        "'; drop table deploy_request; --", "\t", "\n", "\r\n", "  "),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(20),
                Arbitraries.strings().withCharRange('a', 'z').ofLength(5000));
    }

    static Arbitrary<String> texts() {
        return word().list().ofMinSize(0).ofMaxSize(10)
                .flatMap(words -> Arbitraries.of(" ", "  ", "\t", " \n ").map(sep -> String.join(sep, words)));
    }
}
