package dev.flightdeck.slack.incident;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Incident ids as typed: {@code INC-12}, {@code inc-12}, {@code #INC12}, {@code INC-012}; always read back as {@code INC-12}. */
final class IncidentIds {

    private static final Pattern ID = Pattern.compile("(?i)#?inc-?0*([0-9]{1,9})");

    private IncidentIds() {
    }

    static Optional<String> parse(String word) {
        Matcher m = ID.matcher(word);
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        return n == 0 ? Optional.empty() : Optional.of("INC-" + n);
    }
}
