package dev.flightdeck.slack.incident;

import com.google.gson.Gson;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What this process posted as each incident card, as Slack was sent it (text and blocks), until the set-up that
 * posted it refreshes it: the refresh then skips a {@code chat.update} that would show exactly what is there. Only
 * the refresh at the end of set-up asks; every later change updates the card as before. A card this process did not
 * post (a run resumed after a restart or on another replica) is not known, so it is refreshed. Bounded: the oldest
 * card is forgotten first (and then refreshed, as before this memory existed).
 */
final class PostedCards {

    static final int LIMIT = 512;
    private static final Gson SLACK_JSON = GsonFactory.createSnakeCase();

    private final Map<String, String> posted = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > LIMIT;
        }
    };

    void remember(String channel, String ts, String text, List<LayoutBlock> blocks) {
        String rendered = rendered(text, blocks); // outside the lock: set-ups run side by side
        if (rendered == null) {
            return;
        }
        synchronized (posted) {
            posted.put(channel + "/" + ts, rendered);
        }
    }

    /** Whether the card at channel/ts was posted by this process as {@code text} and {@code blocks}; forgets it. */
    boolean unchanged(String channel, String ts, String text, List<LayoutBlock> blocks) {
        String was;
        synchronized (posted) {
            was = posted.remove(channel + "/" + ts);
        }
        return was != null && was.equals(rendered(text, blocks));
    }

    /** Null when it cannot be rendered: remembering is only a saving and must never fail the step that posted. */
    private static String rendered(String text, List<LayoutBlock> blocks) {
        try {
            return text + "\n" + SLACK_JSON.toJson(blocks);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
