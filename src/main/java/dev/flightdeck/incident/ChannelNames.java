package dev.flightdeck.incident;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Slack channel names for incidents: {@code inc-<n>-<slug>}, only a-z 0-9 - _, at most 80 characters.
 * Accented letters lose their accents (é → e), a few letters that do not decompose are spelled out (ß → ss),
 * anything else (CJK, emoji, punctuation) becomes a separator. A title with nothing usable gives {@code inc-<n>}.
 */
public final class ChannelNames {

    public static final int MAX_LENGTH = 80;
    private static final Map<Character, String> SPELLED = Map.ofEntries(
            Map.entry('ß', "ss"), Map.entry('æ', "ae"), Map.entry('œ', "oe"), Map.entry('ø', "o"),
            Map.entry('ł', "l"), Map.entry('đ', "d"), Map.entry('ð', "d"), Map.entry('þ', "th"),
            Map.entry('ı', "i"));

    private ChannelNames() {
    }

    /** attempt 1 is the plain name; attempt 2.. adds "-2".. (after Slack answered name_taken). */
    public static String forIncident(long number, String title, int attempt) {
        String prefix = "inc-" + number;
        String suffix = attempt <= 1 ? "" : "-" + attempt;
        String slug = slug(title);
        int room = MAX_LENGTH - prefix.length() - suffix.length() - 1;
        if (slug.length() > room) {
            slug = trimDashes(slug.substring(0, Math.max(0, room)));
        }
        return slug.isEmpty() ? prefix + suffix : prefix + "-" + slug + suffix;
    }

    static String slug(String title) {
        // Titles are kept as Slack sends them, with '<', '>' and '&' escaped: those are separators, not words.
        String lower = title == null ? ""
                : title.replaceAll("&(lt|gt|amp);", " ").toLowerCase(Locale.ROOT);
        StringBuilder spelled = new StringBuilder();
        for (char c : lower.toCharArray()) {
            spelled.append(SPELLED.getOrDefault(c, String.valueOf(c)));
        }
        String plain = Normalizer.normalize(spelled, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return trimDashes(plain.replaceAll("[^a-z0-9_]+", "-").replaceAll("-{2,}", "-"));
    }

    private static String trimDashes(String s) {
        return s.replaceAll("^[-_]+|[-_]+$", "");
    }
}
