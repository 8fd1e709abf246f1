package dev.flightdeck.testing;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text a careless or hostile member can get into a slash command: Slack sends a typed "@channel", a user group
 * and a link with a label as live tokens, and escapes a typed '&', '<', '>' (api.slack.com/docs/formatting).
 */
public final class InjectedText {

    /** As Slack sends it in slash command text. */
    public static final String AS_SLACK_SENDS_IT =
            "<!channel> <https://evil.example|click> <!subteam^S0EVIL1> <!here> fish &amp; chips &lt;b&gt;";
    /** The same, as the person typed it (what the bot shows back, and what pages show). */
    public static final String AS_TYPED = "@channel click (https://evil.example) @S0EVIL1 @here fish & chips <b>";
    /** The same, escaped once for mrkdwn: what the bot's messages must carry. */
    public static final String AS_MRKDWN = "@channel click (https://evil.example) @S0EVIL1 @here fish &amp; chips &lt;b&gt;";
    /** Typed into a modal: Slack passes modal input through as typed, so this is what the person typed. */
    public static final String IN_A_MODAL = "<!channel> <https://evil.example|click> <!subteam^S0EVIL1> & <b>";
    public static final String IN_A_MODAL_MRKDWN =
            "&lt;!channel&gt; &lt;https://evil.example|click&gt; &lt;!subteam^S0EVIL1&gt; &amp; &lt;b&gt;";

    private static final List<String> LIVE = List.of("<!channel", "<!here", "<!subteam^S0EVIL", "<https://evil",
            "&amp;lt;", "&amp;amp;");
    private static final Set<String> POSTS = Set.of("chat.postMessage", "chat.update", "chat.postEphemeral",
            "conversations.setTopic", "conversations.setPurpose", "views.open", "views.update", "views.push",
            FakeSlack.RESPONSE_URL);

    private InjectedText() {
    }

    /** No call the bot made to Slack carries the injected tokens live, nor an escape applied twice. */
    public static void assertNothingLive(FakeSlack slack) {
        for (FakeSlack.Call call : slack.calls()) {
            if (POSTS.contains(call.method())) {
                String sent = unescapedJson(String.join("\n", call.params().values()) + "\n" + call.rawBody());
                for (String live : LIVE) {
                    assertThat(sent).as(call.method() + " sent " + sent).doesNotContain(live);
                }
            }
        }
    }

    /** An answer (ack body) the bot gave directly. */
    public static void assertNotLive(String answer) {
        String sent = unescapedJson(answer);
        for (String live : LIVE) {
            assertThat(sent).as("answered " + sent).doesNotContain(live);
        }
    }

    /** JSON as Gson writes it, with its HTML-safe escapes undone. */
    public static String unescapedJson(String json) {
        return json == null ? "" : json.replace("\\u003c", "<").replace("\\u003e", ">").replace("\\u003d", "=")
                .replace("\\u0026", "&").replace("\\u0027", "'");
    }
}
