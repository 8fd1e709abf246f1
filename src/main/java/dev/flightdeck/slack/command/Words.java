package dev.flightdeck.slack.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Splits command text into words, tolerating tabs, newlines, non-breaking spaces and repeated spaces. */
public final class Words {

    // Slack clients paste non-breaking and zero-width spaces; \s alone does not match them.
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u2060]+");

    private Words() {
    }

    public static List<String> split(String text) {
        if (text == null) {
            return List.of();
        }
        String spaced = SPACES.matcher(text.replace("\u200B", "")).replaceAll(" ").strip();
        return spaced.isEmpty() ? List.of() : List.of(spaced.split(" "));
    }

    public static String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }

    public static String join(List<String> words) {
        return String.join(" ", words);
    }

    /** Words before the note separator, and the note after it. */
    public record WithNote(List<String> words, Optional<String> note, boolean hasSeparator) {
    }

    /**
     * Finds the note separator: a word "--", or a word starting with "--" (a note typed without the space).
     * Em and en dashes count too, because macOS and iOS turn a typed "--" into one.
     */
    public static WithNote splitNote(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String rest = separatorRest(word);
            if (rest != null) {
                List<String> noteWords = new ArrayList<>();
                if (!rest.isEmpty()) {
                    noteWords.add(rest);
                }
                noteWords.addAll(words.subList(i + 1, words.size()));
                Optional<String> note = noteWords.isEmpty() ? Optional.empty() : Optional.of(join(noteWords));
                return new WithNote(List.copyOf(words.subList(0, i)), note, true);
            }
        }
        return new WithNote(words, Optional.empty(), false);
    }

    private static String separatorRest(String word) {
        if (word.startsWith("--")) {
            return word.substring(2);
        }
        if (word.startsWith("\u2014") || word.startsWith("\u2013")) {
            return word.substring(1);
        }
        return null;
    }
}
