package dev.flightdeck.slack.deploy;

import dev.flightdeck.deploy.ships.ShippedCommit;
import dev.flightdeck.deploy.ships.Ships;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The words of "What ships" in the go/no-go message: escaped, linked, and under Slack's limits. */
class ShipsBlocksTest {

    static final String WEB = "https://github.example.com/acme/commons";

    @Test
    void tenCommitsOfTwoHundredFiftyWithTheirPullRequestsLinkedAndTheRestCounted() {
        String text = ShipsBlocks.text(commits(250, "Add the thing")).orElseThrow();

        assertThat(text).startsWith("*What ships*: 250 commits since the live version `5.11.2` (<" + WEB
                + "/compare/5.11.2...5.12.0|compare>)");
        assertThat(text).contains("\n<" + WEB + "/commit/1|`0000000`> Add the thing 1 (<" + WEB + "/pull/101|#101>) — dev1");
        assertThat(text.lines().filter(l -> l.contains("|#1"))).hasSize(10);
        assertThat(text).endsWith("\n…and 240 more");
    }

    @Test
    void commitMessagesAreOtherPeoplesTextPingNobodyAndStayUnderThreeThousandCharacters() {
        String longLine = "Ping <!channel> & <@U0SOMEONE> about <https://evil.example|this> " + "x".repeat(300);
        String text = ShipsBlocks.text(commits(12, longLine)).orElseThrow();

        assertThat(text).doesNotContain("<!channel>", "<@U0SOMEONE>", "<https://evil.example")
                .contains("&lt;!channel&gt; &amp; &lt;@U0SOMEONE&gt;");
        assertThat(text.length()).isLessThanOrEqualTo(3000);
        assertThat(text).contains("…and 2 more");
    }

    @Test
    void aLinkThatCouldBreakOutOfItsBracketsIsShownWithoutOne() {
        ShippedCommit odd = new ShippedCommit("abcdef1234", "Fix it (#5)", "ann", 5, "https://x.example/p|<!here>", "javascript:alert(1)");
        assertThat(ShipsBlocks.line(odd)).isEqualTo("`abcdef1` Fix it (#5) — ann");
    }

    @Test
    void theOtherAnswersInWords() {
        assertThat(ShipsBlocks.text(new Ships.FirstDeploy("hello", "staging"))).contains("*What ships*: first deploy of hello to STAGING");
        assertThat(ShipsBlocks.text(new Ships.NothingNew("1.0.0"))).contains("*What ships*: nothing new since the live version `1.0.0`");
        assertThat(ShipsBlocks.text(new Ships.Rollback("1.1.0", 3, null)))
                .contains("*What ships*: takes away 3 commits of the live version `1.1.0`");
        assertThat(ShipsBlocks.text(new Ships.Unreadable("GitHub answered HTTP 500 for acme/commons <x>")))
                .contains("*What ships*: could not read what ships: GitHub answered HTTP 500 for acme/commons &lt;x&gt;");
        assertThat(ShipsBlocks.text(new Ships.TimedOut(Duration.ofSeconds(5))))
                .contains("*What ships*: could not read what ships: GitHub did not answer within 5s");
        assertThat(ShipsBlocks.text(new Ships.NotTracked())).isEmpty();
    }

    static Ships.Commits commits(int total, String message) {
        List<ShippedCommit> shown = new ArrayList<>();
        for (int i = 1; i <= Math.min(10, total); i++) {
            shown.add(new ShippedCommit(String.format("%040x", i), message + " " + i, "dev" + i, 100 + i,
                    WEB + "/pull/" + (100 + i), WEB + "/commit/" + i));
        }
        return new Ships.Commits("5.11.2", total, shown, 0, WEB + "/compare/5.11.2...5.12.0");
    }
}
