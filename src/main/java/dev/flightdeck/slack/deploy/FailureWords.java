package dev.flightdeck.slack.deploy;

import dev.flightdeck.deploy.BuildFailure;
import dev.flightdeck.text.Texts;

import java.util.List;

/**
 * Why a build failed, in Slack's words: the failing step named, the end of its log quoted in a code block, the link.
 * Log text is untrusted (anyone who can push can print anything in CI): it is shown exactly, and can neither close
 * the code block, nor ping anyone, nor make a link.
 */
final class FailureWords {

    /** Slack cuts a message's text at 40,000 characters; a long line says nothing more after this many. */
    static final int LINE_MAX = 300;

    private FailureWords() {
    }

    static String say(BuildFailure failure) {
        String url = Texts.safeUrl(failure.link());
        String link = url == null ? "" : "\nMore info at: " + url;
        if (failure instanceof BuildFailure.Unreadable u) {
            return "Why it failed: could not read the log: " + untrusted(u.reason()) + "." + link;
        }
        BuildFailure.Report r = (BuildFailure.Report) failure;
        String where = r.step() == null || r.step().isBlank() ? "" : " in *" + untrusted(r.step()).replace("*", "∗") + "*";
        if (r.lines().isEmpty()) {
            return "Why it failed: it failed" + where + "; its log is empty." + link;
        }
        return "Why it failed: it failed" + where + ". The last " + Texts.plural(r.lines().size(), "line", "lines")
                + " of its log:\n```\n" + quote(r.lines()) + "\n```" + link;
    }

    /** The lines as a code block's body. */
    static String quote(List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(out.isEmpty() ? "" : "\n").append(untrusted(Texts.cut(line, LINE_MAX)));
        }
        return out.toString();
    }

    /**
     * Text from a log as Slack shows it literally: {@code & < >} escaped (so {@code <!channel>} or {@code <@U1>} is
     * text, not a ping or a link), a run of backticks broken with a zero-width space so it cannot end the code
     * block, and {@code @here}-style words broken the same way.
     */
    static String untrusted(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        escaped = escaped.replace("``", "`\u200B`");
        return escaped.replaceAll("(?i)@(here|channel|everyone)\\b", "@\u200B$1");
    }
}
