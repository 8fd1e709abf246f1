package dev.flightdeck.slack.incident;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Severity as typed in a command. Kept local to the Slack edge so the domain's own severity type can replace it
 * with a one-line mapping ({@code Severity.valueOf(commandSeverity.name())}).
 */
public enum CommandSeverity {
    SEV1, SEV2, SEV3, SEV4;

    public static final CommandSeverity DEFAULT = SEV3;

    private static final Pattern SEV = Pattern.compile("(?i)sev-?([0-9]+)");
    private static final Pattern DIGIT = Pattern.compile("[0-9]+");

    /** {@code sev1}, {@code SEV-2}: the "sev" prefix is required, so a number in a title is not a severity. */
    public static Optional<CommandSeverity> parse(String word) {
        Matcher m = SEV.matcher(word);
        return m.matches() ? level(m.group(1)) : Optional.empty();
    }

    /** Like {@link #parse} but also a bare level, for {@code /incident severity 2}. */
    public static Optional<CommandSeverity> parseLenient(String word) {
        return DIGIT.matcher(word).matches() ? level(word) : parse(word);
    }

    /** True for a word that is meant as a severity, valid or not ({@code sev5}). */
    static boolean looksLikeSeverity(String word) {
        return SEV.matcher(word).matches();
    }

    private static Optional<CommandSeverity> level(String digits) {
        if (digits.length() > 2) {
            return Optional.empty();
        }
        int n = Integer.parseInt(digits);
        return n >= 1 && n <= 4 ? Optional.of(values()[n - 1]) : Optional.empty();
    }

    /** As typed: {@code sev1}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
