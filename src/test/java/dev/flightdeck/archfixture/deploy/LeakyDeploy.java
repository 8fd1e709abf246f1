package dev.flightdeck.archfixture.deploy;

import com.slack.api.model.block.LayoutBlock;
import dev.flightdeck.archfixture.slack.SlackThing;
import dev.flightdeck.archfixture.text.Mrkdwn;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Deliberate violations of every domain rule, for ArchitectureRulesAreLiveTest: a Slack SDK type, a call into an
 * adapter, mrkdwn escaping and a mention built in a string. Markup in comments is not code: {@code <@U0LEAD>}.
 */
public final class LeakyDeploy {

    // A lookbehind is not Slack's "<!": the scan must not report this line's pattern.
    static final Pattern WORD = Pattern.compile("(?<![a-z])deploy");

    public List<LayoutBlock> blocks = List.of();

    public String approved(String userId, String reason) {
        char lt = '<';
        return SlackThing.post("<@" + userId + "> approved: " + Mrkdwn.escape(reason) + lt);
    }
}
