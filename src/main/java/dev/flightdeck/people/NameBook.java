package dev.flightdeck.people;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the people one page or summary shows, looked up once for all of them. An id the directories did
 * not know stays as it is: an id is still better than nothing, and it is what Slack's own search finds.
 */
public record NameBook(Map<String, String> names) {

    /** A user mention as Slack writes it in stored text: {@code <@U123>} or {@code <@U123|alice>}. */
    static final Pattern MENTION = Pattern.compile("<@([UW][A-Z0-9]{2,})(?:\\|[^>]*)?>");

    /** A person written into stored text the way {@link #inText} (and Slack) reads them back as a name. */
    public static String mention(String userId) {
        return "<@" + userId + ">";
    }

    public NameBook {
        names = Map.copyOf(names);
    }

    public static NameBook empty() {
        return new NameBook(Map.of());
    }

    /**
     * The person's name, or the id itself when it is not known (and "flightdeck", "system:…" authors as they are);
     * a person known only by a GitHub login ({@code github:octocat}) as "octocat on GitHub".
     */
    public String of(String userId) {
        if (userId == null) {
            return "";
        }
        return GithubPerson.plainName(userId).orElseGet(() -> names.getOrDefault(userId, userId));
    }

    /** The text with every user mention written as "@Name" (or "@U123" when the name is not known). */
    public String inText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = MENTION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("@" + of(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
